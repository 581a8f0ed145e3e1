/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

import java.util.Arrays;

/**
 * The incremental Delaunay triangulation (dimension 2) or tetrahedralization (dimension 3) of
 * {@link LearnerND}, in scaled coordinates: Bowyer–Watson insertion with python-adaptive's rules
 * (learners.md §5).
 *
 * <p>A point is located by a visibility walk (or from a hint); the cavity is the face-connected set
 * of simplices whose circumsphere contains the point, with python-adaptive's inclusive relative
 * tolerance of 1e-8, so that co-spherical points are resolved the same way (a new point on a
 * circumsphere replaces that simplex); the cavity's boundary faces are joined to the point, and a
 * new simplex that would be almost flat (relative volume below 1e-8) is skipped. A point outside
 * the hull (only before the box corners are all in) is joined to the hull faces it sees first.
 * Unlike the reference, a cavity whose boundary would give an inverted or flat interior simplex
 * (possible only through the tolerance) is grown across that face, so the result stays a valid
 * triangulation.
 *
 * <p>Simplices live in slots of flat arrays; vertex indices are stored sorted (python-adaptive's
 * tuples, which break ties between equal losses); {@code neighbour(s, k)} is the simplex across
 * the face opposite the {@code k}-th vertex, or −1 on the hull. A slot freed by one insertion is
 * reused by a later one, so callers key their data by slot and check {@link #alive}.
 */
final class TriangulationND {

  final int dim;
  private final int k;

  private double[] coords = new double[64];
  private int nv;

  private int[] verts = new int[0];
  private int[] nbr = new int[0];
  private double[] centres = new double[0];
  private double[] radii = new double[0];
  private boolean[] alive = new boolean[0];
  private int slots;
  private int[] free = new int[16];
  private int nfree;
  private int count;
  private int last = -1;

  private int[] mark = new int[0];
  private int stamp;

  // scratch
  private final double[] pts;
  private final double[] sq;
  private final double[] point;
  private final double[] work = new double[32];
  private int[] stack = new int[64];
  private int[] cavity = new int[64];
  private int ncav;
  private int[] faceOwner = new int[64]; // boundary face: owner simplex (or -1) and position
  private int[] facePos = new int[64];
  private int[] faceOut = new int[64];
  private int nfaces;

  /** Simplices deleted and added by the last {@link #insert}. */
  final IntList deleted = new IntList();

  final IntList added = new IntList();

  TriangulationND(int dim) {
    if (dim != 2 && dim != 3) {
      throw new IllegalArgumentException("dimension " + dim + " is not 2 or 3");
    }
    this.dim = dim;
    this.k = dim + 1;
    this.pts = new double[k * dim];
    this.sq = new double[dim * dim];
    this.point = new double[dim];
  }

  // ------------------------------------------------------------------ vertices

  /** Adds a vertex (not yet triangulated) and returns its index. */
  int addVertex(double[] p) {
    if ((nv + 1) * dim > coords.length) {
      coords = Arrays.copyOf(coords, coords.length * 2);
    }
    System.arraycopy(p, 0, coords, nv * dim, dim);
    return nv++;
  }

  int vertexCount() {
    return nv;
  }

  double coord(int v, int c) {
    return coords[v * dim + c];
  }

  // ------------------------------------------------------------------ simplices

  int slots() {
    return slots;
  }

  int count() {
    return count;
  }

  boolean alive(int s) {
    return s >= 0 && s < slots && alive[s];
  }

  /** The {@code i}-th smallest vertex of simplex {@code s}. */
  int vertex(int s, int i) {
    return verts[s * k + i];
  }

  int neighbour(int s, int i) {
    return nbr[s * k + i];
  }

  /** The vertex of the neighbour across the face opposite vertex {@code i}, or −1 on the hull. */
  int opposingVertex(int s, int i) {
    int n = nbr[s * k + i];
    if (n < 0) {
      return -1;
    }
    for (int j = 0; j < k; j++) {
      int v = verts[n * k + j];
      if (!contains(s, v)) {
        return v;
      }
    }
    throw new IllegalStateException("neighbouring simplices share every vertex");
  }

  private boolean contains(int s, int v) {
    for (int j = 0; j < k; j++) {
      if (verts[s * k + j] == v) {
        return true;
      }
    }
    return false;
  }

  /** Writes the scaled vertices of {@code s} to {@code out} ({@code (dim+1)·dim} values). */
  void vertices(int s, double[] out) {
    for (int i = 0; i < k; i++) {
      System.arraycopy(coords, verts[s * k + i] * dim, out, i * dim, dim);
    }
  }

  double volume(int s) {
    vertices(s, pts);
    return SimplexGeometry.volume(pts, dim, work);
  }

  /** Whether {@code p} lies in simplex {@code s}, with python-adaptive's tolerance. */
  boolean pointIn(double[] p, int s) {
    vertices(s, pts);
    return SimplexGeometry.pointInSimplex(p, 0, pts, dim, work);
  }

  // ------------------------------------------------------------------ building

  /**
   * Triangulates the vertices added so far, if {@code dim+1} of them span a simplex: the first
   * such simplex (in index order), then every other vertex inserted in index order. Returns false,
   * changing nothing, if they are all flat.
   */
  boolean build() {
    if (count > 0) {
      throw new IllegalStateException("already built");
    }
    int[] chosen = new int[k];
    int m = 0;
    for (int v = 0; v < nv && m < k; v++) {
      chosen[m] = v;
      if (spans(chosen, m + 1)) {
        m++;
      }
    }
    if (m < k) {
      return false;
    }
    int s = allocate();
    int[] sorted = chosen.clone();
    Arrays.sort(sorted);
    System.arraycopy(sorted, 0, verts, s * k, k);
    Arrays.fill(nbr, s * k, s * k + k, -1);
    finish(s);
    last = s;
    for (int v = 0; v < nv; v++) {
      if (Arrays.binarySearch(sorted, v) < 0) {
        insert(v, -1);
      }
    }
    deleted.clear();
    added.clear();
    return true;
  }

  // Whether the first m chosen vertices are affinely independent (m−1 ≥ 1 spans m−1 dimensions).
  private boolean spans(int[] chosen, int m) {
    if (m == 1) {
      return true;
    }
    int r = m - 1;
    double[] e = new double[r * dim];
    double scale = 0;
    for (int i = 0; i < r; i++) {
      for (int c = 0; c < dim; c++) {
        e[i * dim + c] = coords[chosen[i + 1] * dim + c] - coords[chosen[0] * dim + c];
        scale = Math.max(scale, Math.abs(e[i * dim + c]));
      }
    }
    if (scale == 0) {
      return false;
    }
    double[] pts1 = new double[(r + 1) * dim];
    for (int i = 0; i < r; i++) {
      System.arraycopy(e, i * dim, pts1, (i + 1) * dim, dim);
    }
    double vol = SimplexGeometry.embeddedVolume(pts1, r, dim);
    return vol / Math.pow(scale, r) > 1e-10;
  }

  /**
   * Inserts vertex {@code v} (added by {@link #addVertex}), starting from simplex {@code hint} if
   * it contains the vertex. Fills {@link #deleted} and {@link #added}. Returns false, changing
   * nothing, if the vertex coincides with an existing one or cannot be placed.
   */
  boolean insert(int v, int hint) {
    deleted.clear();
    added.clear();
    System.arraycopy(coords, v * dim, point, 0, dim);
    int start = hint >= 0 && alive(hint) && pointIn(point, hint) ? hint : locate(point);
    if (start == Integer.MIN_VALUE) {
      return false;
    }
    boolean outside = start < 0;
    int s0 = outside ? -start - 1 : start;
    for (int i = 0; i < k; i++) {
      int u = verts[s0 * k + i];
      if (coincides(u, v)) {
        return false;
      }
    }
    ncav = 0;
    nextStamp();
    if (outside) {
      if (!seedFromHull(v)) {
        return false;
      }
    } else {
      markCavity(start);
      grow(v, 0);
    }
    while (!boundary(v, outside)) {
      // a face gave an inverted interior simplex: the cavity grew across it; rebuild the boundary
    }
    create(v);
    for (int i = 0; i < ncav; i++) {
      release(cavity[i]);
      deleted.add(cavity[i]);
    }
    return true;
  }

  private boolean coincides(int u, int v) {
    for (int c = 0; c < dim; c++) {
      if (Math.abs(coords[u * dim + c] - coords[v * dim + c]) > 1e-14) {
        return false;
      }
    }
    return true;
  }

  // mark[s] == 2·stamp: visited and outside; 2·stamp+1: in the cavity
  private void nextStamp() {
    if (mark.length < slots) {
      mark = Arrays.copyOf(mark, Math.max(slots, mark.length * 2));
    }
    stamp++;
  }

  private boolean inCavity(int s) {
    return mark[s] == 2 * stamp + 1;
  }

  private boolean visited(int s) {
    return mark[s] >= 2 * stamp;
  }

  private void markCavity(int s) {
    mark[s] = 2 * stamp + 1;
    if (ncav == cavity.length) {
      cavity = Arrays.copyOf(cavity, ncav * 2);
    }
    cavity[ncav++] = s;
  }

  // Breadth over face neighbours from the cavity simplices from index 'from' on.
  private void grow(int v, int from) {
    int top = 0;
    for (int i = from; i < ncav; i++) {
      stack = push(stack, top++, cavity[i]);
    }
    while (top > 0) {
      int s = stack[--top];
      for (int i = 0; i < k; i++) {
        int n = nbr[s * k + i];
        if (n < 0 || visited(n)) {
          continue;
        }
        if (SimplexGeometry.inSphere(coords, v * dim, centres, n * dim, radii[n], dim)) {
          markCavity(n);
          stack = push(stack, top++, n);
        } else {
          mark[n] = 2 * stamp;
        }
      }
    }
  }

  private static int[] push(int[] a, int i, int value) {
    if (i == a.length) {
      a = Arrays.copyOf(a, a.length * 2);
    }
    a[i] = value;
    return a;
  }

  // Hull faces seen by the new vertex: (owner, position) pairs kept in faceOwner/facePos of the
  // visible list; the owners whose circumsphere holds the vertex seed the cavity.
  private int[] visOwner = new int[16];
  private int[] visPos = new int[16];
  private int nvis;

  private boolean seedFromHull(int v) {
    nvis = 0;
    for (int s = 0; s < slots; s++) {
      if (!alive[s]) {
        continue;
      }
      for (int i = 0; i < k; i++) {
        if (nbr[s * k + i] < 0 && sees(s, i, v)) {
          visOwner = push(visOwner, nvis, s);
          visPos = push(visPos, nvis, i);
          nvis++;
        }
      }
    }
    if (nvis == 0) {
      return false;
    }
    for (int i = 0; i < nvis; i++) {
      int s = visOwner[i];
      if (!visited(s)) {
        if (SimplexGeometry.inSphere(coords, v * dim, centres, s * dim, radii[s], dim)) {
          markCavity(s);
        } else {
          mark[s] = 2 * stamp;
        }
      }
    }
    grow(v, 0);
    return true;
  }

  private boolean visible(int s, int i) {
    for (int j = 0; j < nvis; j++) {
      if (visOwner[j] == s && visPos[j] == i) {
        return true;
      }
    }
    return false;
  }

  // Whether v lies strictly beyond the hull face of s opposite position i, and the simplex it
  // would form with the face is not almost flat.
  private boolean sees(int s, int i, int v) {
    double inside = orient(s, i, -1);
    double beyond = orient(s, i, v);
    if (!(inside * beyond < 0)) {
      return false;
    }
    return !SimplexGeometry.almostFlat(replaced(s, i, v), dim, work);
  }

  // The signed volume (times dim!) of simplex s with its i-th vertex replaced by v (v = −1: none).
  private double orient(int s, int i, int v) {
    double[] p = replaced(s, i, v);
    for (int r = 0; r < dim; r++) {
      for (int c = 0; c < dim; c++) {
        sq[r * dim + c] = p[(r + 1) * dim + c] - p[c];
      }
    }
    return SimplexGeometry.det(sq, dim);
  }

  private double[] replaced(int s, int i, int v) {
    for (int j = 0; j < k; j++) {
      int u = j == i && v >= 0 ? v : verts[s * k + j];
      System.arraycopy(coords, u * dim, pts, j * dim, dim);
    }
    return pts;
  }

  // Collects the boundary faces of the cavity; false if the cavity had to grow.
  private boolean boundary(int v, boolean outside) {
    nfaces = 0;
    for (int ci = 0; ci < ncav; ci++) {
      int c = cavity[ci];
      for (int i = 0; i < k; i++) {
        int n = nbr[c * k + i];
        if (n >= 0 && inCavity(n)) {
          continue;
        }
        if (n < 0 && outside && visible(c, i)) {
          continue;
        }
        double before = orient(c, i, -1);
        double after = orient(c, i, v);
        boolean good = before * after > 0 && !SimplexGeometry.almostFlat(replaced(c, i, v), dim, work);
        if (!good) {
          if (n < 0) {
            continue; // the vertex lies on this hull face: no simplex there
          }
          markCavity(n);
          grow(v, ncav - 1);
          return false;
        }
        addFace(c, i, n);
      }
    }
    if (outside) {
      for (int j = 0; j < nvis; j++) {
        int s = visOwner[j];
        if (!inCavity(s)) {
          addFace(s, visPos[j], s);
        }
      }
    }
    return true;
  }

  private void addFace(int owner, int pos, int out) {
    if (nfaces == faceOwner.length) {
      faceOwner = Arrays.copyOf(faceOwner, nfaces * 2);
      facePos = Arrays.copyOf(facePos, nfaces * 2);
      faceOut = Arrays.copyOf(faceOut, nfaces * 2);
    }
    faceOwner[nfaces] = owner;
    facePos[nfaces] = pos;
    faceOut[nfaces] = out;
    nfaces++;
  }

  // Face pairing of the new simplices: key = the face's vertices other than v
  private long[] pairKeys = new long[128];
  private int[] pairSlot = new int[128];

  private void create(int v) {
    int first = added.size();
    int[] tmp = new int[k];
    for (int f = 0; f < nfaces; f++) {
      int owner = faceOwner[f];
      int pos = facePos[f];
      int out = faceOut[f];
      for (int j = 0; j < k; j++) {
        tmp[j] = j == pos ? v : verts[owner * k + j];
      }
      Arrays.sort(tmp);
      int s = allocate();
      System.arraycopy(tmp, 0, verts, s * k, k);
      Arrays.fill(nbr, s * k, s * k + k, -1);
      int vpos = Arrays.binarySearch(tmp, v);
      if (out == owner) {
        // a visible hull face of a simplex outside the cavity: it now faces the new simplex
        nbr[s * k + vpos] = owner;
        nbr[owner * k + pos] = s;
      } else if (out >= 0) {
        nbr[s * k + vpos] = out;
        for (int j = 0; j < k; j++) {
          if (nbr[out * k + j] == owner) {
            nbr[out * k + j] = s;
            break;
          }
        }
      }
      finish(s);
      added.add(s);
    }
    // pair the faces that contain v
    int m = (added.size() - first) * dim;
    int cap = Integer.highestOneBit(Math.max(4, m * 2)) * 2;
    if (pairKeys.length < cap) {
      pairKeys = new long[cap];
      pairSlot = new int[cap];
    }
    Arrays.fill(pairKeys, 0, cap, -1L);
    for (int a = first; a < added.size(); a++) {
      int s = added.get(a);
      for (int i = 0; i < k; i++) {
        int u = verts[s * k + i];
        if (u == v) {
          continue;
        }
        long key = faceKey(s, i, v);
        int h = (int) (mix(key) & (cap - 1));
        while (true) {
          if (pairKeys[h] == -1L) {
            pairKeys[h] = key;
            pairSlot[h] = s * k + i;
            break;
          }
          if (pairKeys[h] == key) {
            int other = pairSlot[h];
            nbr[s * k + i] = other / k;
            nbr[other] = s;
            pairKeys[h] = -2L; // paired; keep the probe chain intact
            break;
          }
          h = (h + 1) & (cap - 1);
        }
      }
    }
    last = added.get(added.size() - 1);
  }

  // The vertices of the face of s opposite position i, other than v: one (dim 2) or two (dim 3).
  private long faceKey(int s, int i, int v) {
    long key = 0;
    for (int j = 0; j < k; j++) {
      int u = verts[s * k + j];
      if (j != i && u != v) {
        key = (key << 31) | u;
      }
    }
    return key;
  }

  private static long mix(long x) {
    x *= 0x9E3779B97F4A7C15L;
    return x ^ (x >>> 29);
  }

  private int allocate() {
    int s;
    if (nfree > 0) {
      s = free[--nfree];
    } else {
      s = slots++;
      if (slots * k > verts.length) {
        int n = Math.max(64, slots * 2);
        verts = Arrays.copyOf(verts, n * k);
        nbr = Arrays.copyOf(nbr, n * k);
        centres = Arrays.copyOf(centres, n * dim);
        radii = Arrays.copyOf(radii, n);
        alive = Arrays.copyOf(alive, n);
      }
    }
    alive[s] = true;
    count++;
    return s;
  }

  private void finish(int s) {
    vertices(s, pts);
    radii[s] = SimplexGeometry.circumsphere(pts, dim, point2);
    System.arraycopy(point2, 0, centres, s * dim, dim);
  }

  private final double[] point2 = new double[3];

  private void release(int s) {
    alive[s] = false;
    count--;
    if (nfree == free.length) {
      free = Arrays.copyOf(free, nfree * 2);
    }
    free[nfree++] = s;
    if (last == s) {
      last = -1;
    }
  }

  // ------------------------------------------------------------------ location

  /**
   * The simplex containing {@code p} (a visibility walk from the last simplex made), or {@code
   * −1−s} if the walk leaves the hull through a face of {@code s}; {@code Integer.MIN_VALUE} if
   * there are no simplices.
   */
  int locate(double[] p) {
    int s = last;
    if (!alive(s)) {
      s = -1;
      for (int t = slots - 1; t >= 0; t--) {
        if (alive[t]) {
          s = t;
          break;
        }
      }
      if (s < 0) {
        return Integer.MIN_VALUE;
      }
    }
    int limit = 4 * count + 64;
    int rotate = 0;
    for (int step = 0; step < limit; step++) {
      vertices(s, pts);
      double own = orientPts(pts);
      int next = Integer.MIN_VALUE;
      for (int r = 0; r < k; r++) {
        int i = (r + rotate) % k;
        System.arraycopy(pts, i * dim, point2, 0, dim);
        System.arraycopy(p, 0, pts, i * dim, dim);
        double o = orientPts(pts);
        System.arraycopy(point2, 0, pts, i * dim, dim);
        if (o * own < 0) {
          int n = nbr[s * k + i];
          next = n < 0 ? -1 - s : n;
          break;
        }
      }
      rotate++;
      if (next == Integer.MIN_VALUE) {
        return s;
      }
      if (next < 0) {
        return next;
      }
      s = next;
    }
    for (int t = 0; t < slots; t++) { // the walk cycled (degenerate input): scan
      if (alive[t] && pointIn(p, t)) {
        return t;
      }
    }
    return -1 - s;
  }

  private double orientPts(double[] q) {
    for (int r = 0; r < dim; r++) {
      for (int c = 0; c < dim; c++) {
        sq[r * dim + c] = q[(r + 1) * dim + c] - q[c];
      }
    }
    return SimplexGeometry.det(sq, dim);
  }

  /**
   * Every simplex containing {@code p} (python-adaptive's tolerance), found by a breadth search
   * over face neighbours from {@code start} (or from a located simplex when {@code start} does not
   * contain it). Empty if {@code p} lies outside the triangulation.
   */
  IntList containing(double[] p, int start, IntList out) {
    out.clear();
    if (!(start >= 0 && alive(start) && pointIn(p, start))) {
      start = locate(p);
      if (start < 0 || !pointIn(p, start)) {
        return out;
      }
    }
    nextStamp();
    int top = 0;
    stack = push(stack, top++, start);
    mark[start] = 2 * stamp + 1;
    out.add(start);
    while (top > 0) {
      int s = stack[--top];
      for (int i = 0; i < k; i++) {
        int n = nbr[s * k + i];
        if (n < 0 || visited(n)) {
          continue;
        }
        if (pointIn(p, n)) {
          mark[n] = 2 * stamp + 1;
          out.add(n);
          stack = push(stack, top++, n);
        } else {
          mark[n] = 2 * stamp;
        }
      }
    }
    return out;
  }

  /** A growable list of ints. */
  static final class IntList {
    private int[] a = new int[32];
    private int n;

    void add(int v) {
      if (n == a.length) {
        a = Arrays.copyOf(a, n * 2);
      }
      a[n++] = v;
    }

    int get(int i) {
      return a[i];
    }

    int size() {
      return n;
    }

    void clear() {
      n = 0;
    }
  }
}

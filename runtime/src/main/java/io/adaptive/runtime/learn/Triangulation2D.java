/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * An incremental Delaunay triangulation of points in an axis-parallel rectangle whose four corners
 * are its first vertices (ids 0–3, in the order of learners.md §4.1), split at the start along the
 * diagonal 0–3 into two triangles.
 *
 * <p>Insertion is Lawson's: locate the point by a visibility walk that starts from a vertex found
 * in a coarse bucket grid, split its triangle in three (or the two triangles sharing the edge it
 * lies on in four, or a boundary triangle in two), then flip illegal edges until every edge is
 * locally Delaunay. All triangles made or changed by an insertion contain the new vertex, so the
 * ring around it is exactly what changed. Triangles are never deleted: ids stay dense and stable.
 *
 * <p>Orientation and in-circle tests are exact: a floating-point filter with Shewchuk's error
 * bounds, and exact {@link BigDecimal} arithmetic when the filter cannot decide (co-circular
 * points are common here: centroids and midpoints of symmetric triangles).
 *
 * <p>Triangles are stored counter-clockwise; {@code adj[3t + i]} is the triangle across the edge
 * opposite vertex {@code i} of {@code t}, or -1 on the rectangle's boundary.
 */
final class Triangulation2D {

  static final int NONE = -1;

  // Shewchuk's filter bounds for orient2d and incircle (robust predicates, "A" bounds).
  private static final double ORIENT_BOUND = 3.3306690738754716e-16;
  private static final double INCIRCLE_BOUND = 1.1102230246251577e-15;

  double[] vx;
  double[] vy;
  int[] vtri; // vertex -> one incident triangle
  int nv;

  int[] tri; // 3 per triangle
  int[] adj; // 3 per triangle
  int nt;

  private final double minX;
  private final double minY;
  private final double spanX;
  private final double spanY;

  // bucket grid: cell -> a vertex in it (the last inserted), for point location
  private int gridSide;

  private int lastTriangle;
  private int walkRotation;

  // scratch
  private int[] flipStack = new int[64];

  /**
   * The triangulation of the rectangle's four corners.
   *
   * @param x0 the left edge; {@code x0 < x1}
   * @param x1 the right edge
   * @param y0 the bottom edge; {@code y0 < y1}
   * @param y1 the top edge
   * @param capacity the number of vertices to make room for
   */
  Triangulation2D(double x0, double x1, double y0, double y1, int capacity) {
    int cap = Math.max(8, capacity);
    vx = new double[cap];
    vy = new double[cap];
    vtri = new int[cap];
    tri = new int[6 * cap];
    adj = new int[6 * cap];
    minX = x0;
    minY = y0;
    spanX = x1 - x0;
    spanY = y1 - y0;
    addVertex(x0, y0);
    addVertex(x0, y1);
    addVertex(x1, y0);
    addVertex(x1, y1);
    // (0, 2, 3) and (0, 3, 1), both counter-clockwise, sharing the edge 0-3.
    newTriangle(0, 2, 3, NONE, 1, NONE);
    newTriangle(0, 3, 1, NONE, NONE, 0);
    vtri[0] = 0;
    vtri[1] = 1;
    vtri[2] = 0;
    vtri[3] = 0;
    gridSide = 1;
    gridAdd(0);
  }

  /** A deep copy. */
  Triangulation2D(Triangulation2D o) {
    vx = o.vx.clone();
    vy = o.vy.clone();
    vtri = o.vtri.clone();
    nv = o.nv;
    tri = o.tri.clone();
    adj = o.adj.clone();
    nt = o.nt;
    minX = o.minX;
    minY = o.minY;
    spanX = o.spanX;
    spanY = o.spanY;
    levels = new int[o.levels.length][];
    for (int k = 0; k < levels.length; k++) {
      levels[k] = o.levels[k].clone();
    }
    gridSide = o.gridSide;
    lastTriangle = o.lastTriangle;
  }

  int vertexCount() {
    return nv;
  }

  int triangleCount() {
    return nt;
  }

  private int addVertex(double x, double y) {
    if (nv == vx.length) {
      int n = nv * 2;
      vx = Arrays.copyOf(vx, n);
      vy = Arrays.copyOf(vy, n);
      vtri = Arrays.copyOf(vtri, n);
    }
    vx[nv] = x;
    vy[nv] = y;
    return nv++;
  }

  private int newTriangle(int a, int b, int c, int na, int nb, int nc) {
    if (3 * nt + 3 > tri.length) {
      tri = Arrays.copyOf(tri, tri.length * 2);
      adj = Arrays.copyOf(adj, adj.length * 2);
    }
    int t = nt++;
    set(t, a, b, c, na, nb, nc);
    return t;
  }

  private void set(int t, int a, int b, int c, int na, int nb, int nc) {
    int o = 3 * t;
    tri[o] = a;
    tri[o + 1] = b;
    tri[o + 2] = c;
    adj[o] = na;
    adj[o + 1] = nb;
    adj[o + 2] = nc;
  }

  /** Makes the triangle across from {@code t}'s neighbour {@code n} point at {@code to}. */
  private void repoint(int n, int from, int to) {
    if (n == NONE) {
      return;
    }
    int o = 3 * n;
    if (adj[o] == from) {
      adj[o] = to;
    } else if (adj[o + 1] == from) {
      adj[o + 1] = to;
    } else {
      adj[o + 2] = to;
    }
  }

  // ---------------------------------------------------------------- predicates

  /** Positive if a, b, c turn counter-clockwise, negative if clockwise, 0 if collinear; exact. */
  static double orient(double ax, double ay, double bx, double by, double cx, double cy) {
    return orient(ax, ay, bx, by, cx, cy, new Expansion());
  }

  private static double orient(
      double ax, double ay, double bx, double by, double cx, double cy, Expansion scratch) {
    double left = (bx - ax) * (cy - ay);
    double right = (by - ay) * (cx - ax);
    double det = left - right;
    double detsum = Math.abs(left) + Math.abs(right);
    double bound = ORIENT_BOUND * detsum;
    if ((det > bound || -det > bound) && detsum > TINY) {
      return det;
    }
    double acx = bx - ax;
    double acy = cy - ay;
    double bcx = cx - ax;
    double bcy = by - ay;
    if (exactDifference(bx, ax, acx) && exactDifference(cy, ay, acy)
        && exactDifference(cx, ax, bcx) && exactDifference(by, ay, bcy)) {
      Expansion e = scratch.clear();
      e.addProduct(acx, acy);
      e.addProduct(-bcy, bcx);
      return e.sign();
    }
    BigDecimal d =
        big(bx).subtract(big(ax)).multiply(big(cy).subtract(big(ay)))
            .subtract(big(by).subtract(big(ay)).multiply(big(cx).subtract(big(ax))));
    return d.signum();
  }

  /**
   * Whether {@code d = a - b} was computed without rounding, and is 0 or large enough that the
   * two-products of up to four such differences cannot underflow.
   */
  private static boolean exactDifference(double a, double b, double d) {
    double bv = a - d;
    double av = d + bv;
    return (a - av) + (bv - b) == 0 && (d == 0 || Math.abs(d) >= 1e-60);
  }

  // Below this the filters' error bounds do not hold (they assume no underflow).
  private static final double TINY = 1e-250;

  /**
   * An exact sum of doubles, kept as a non-overlapping expansion with zero elimination
   * (Shewchuk's GROW-EXPANSION): the sign of the sum is the sign of its largest component.
   */
  private static final class Expansion {
    private double[] e = new double[32];
    private int m;

    Expansion clear() {
      m = 0;
      return this;
    }

    void add(double b) {
      double q = b;
      int k = 0;
      for (int i = 0; i < m; i++) {
        double ei = e[i];
        double x = q + ei;
        double bv = x - q;
        double av = x - bv;
        double h = (q - av) + (ei - bv);
        q = x;
        if (h != 0) {
          e[k++] = h;
        }
      }
      if (q != 0) {
        if (k == e.length) {
          e = java.util.Arrays.copyOf(e, 2 * k);
        }
        e[k++] = q;
      }
      m = k;
    }

    private final double[] t4 = new double[4];

    /** Adds the exact product a·b. */
    void addProduct(double a, double b) {
      double p = a * b;
      add(Math.fma(a, b, -p));
      add(p);
    }

    /** Adds the exact product a·b·c·d, split into eight doubles by two-products. */
    void addProduct(double a, double b, double c, double d) {
      double p = a * b;
      double pl = Math.fma(a, b, -p);
      double q0 = p * c;
      double[] t = t4;
      t[0] = q0;
      t[1] = Math.fma(p, c, -q0);
      double q1 = pl * c;
      t[2] = q1;
      t[3] = Math.fma(pl, c, -q1);
      for (int i = 0; i < 4; i++) {
        double r = t[i] * d;
        add(Math.fma(t[i], d, -r));
        add(r);
      }
    }

    double sign() {
      return m == 0 ? 0 : Math.signum(e[m - 1]);
    }
  }

  /**
   * Positive if d lies strictly inside the circle through the counter-clockwise a, b, c, negative
   * if outside, 0 if on it; exact.
   */
  static double incircle(
      double ax, double ay, double bx, double by, double cx, double cy, double dx, double dy) {
    return incircle(ax, ay, bx, by, cx, cy, dx, dy, new Expansion());
  }

  private static double incircle(
      double ax, double ay, double bx, double by, double cx, double cy, double dx, double dy,
      Expansion scratch) {
    double adx = ax - dx;
    double ady = ay - dy;
    double bdx = bx - dx;
    double bdy = by - dy;
    double cdx = cx - dx;
    double cdy = cy - dy;
    double bdxcdy = bdx * cdy;
    double cdxbdy = cdx * bdy;
    double alift = adx * adx + ady * ady;
    double cdxady = cdx * ady;
    double adxcdy = adx * cdy;
    double blift = bdx * bdx + bdy * bdy;
    double adxbdy = adx * bdy;
    double bdxady = bdx * ady;
    double clift = cdx * cdx + cdy * cdy;
    double det =
        alift * (bdxcdy - cdxbdy) + blift * (cdxady - adxcdy) + clift * (adxbdy - bdxady);
    double permanent =
        (Math.abs(bdxcdy) + Math.abs(cdxbdy)) * alift
            + (Math.abs(cdxady) + Math.abs(adxcdy)) * blift
            + (Math.abs(adxbdy) + Math.abs(bdxady)) * clift;
    double bound = INCIRCLE_BOUND * permanent;
    if ((det > bound || -det > bound) && permanent > TINY) {
      return det;
    }
    if (exactDifference(ax, dx, adx) && exactDifference(ay, dy, ady)
        && exactDifference(bx, dx, bdx) && exactDifference(by, dy, bdy)
        && exactDifference(cx, dx, cdx) && exactDifference(cy, dy, cdy)) {
      Expansion e = scratch.clear();
      // alift·(bdx·cdy − cdx·bdy) + blift·(cdx·ady − adx·cdy) + clift·(adx·bdy − bdx·ady)
      e.addProduct(adx, adx, bdx, cdy);
      e.addProduct(ady, ady, bdx, cdy);
      e.addProduct(-adx, adx, cdx, bdy);
      e.addProduct(-ady, ady, cdx, bdy);
      e.addProduct(bdx, bdx, cdx, ady);
      e.addProduct(bdy, bdy, cdx, ady);
      e.addProduct(-bdx, bdx, adx, cdy);
      e.addProduct(-bdy, bdy, adx, cdy);
      e.addProduct(cdx, cdx, adx, bdy);
      e.addProduct(cdy, cdy, adx, bdy);
      e.addProduct(-cdx, cdx, bdx, ady);
      e.addProduct(-cdy, cdy, bdx, ady);
      return e.sign();
    }
    BigDecimal bdX = big(dx);
    BigDecimal bdY = big(dy);
    BigDecimal eax = big(ax).subtract(bdX);
    BigDecimal eay = big(ay).subtract(bdY);
    BigDecimal ebx = big(bx).subtract(bdX);
    BigDecimal eby = big(by).subtract(bdY);
    BigDecimal ecx = big(cx).subtract(bdX);
    BigDecimal ecy = big(cy).subtract(bdY);
    BigDecimal la = eax.multiply(eax).add(eay.multiply(eay));
    BigDecimal lb = ebx.multiply(ebx).add(eby.multiply(eby));
    BigDecimal lc = ecx.multiply(ecx).add(ecy.multiply(ecy));
    BigDecimal exact =
        la.multiply(ebx.multiply(ecy).subtract(ecx.multiply(eby)))
            .add(lb.multiply(ecx.multiply(eay).subtract(eax.multiply(ecy))))
            .add(lc.multiply(eax.multiply(eby).subtract(ebx.multiply(eay))));
    return exact.signum();
  }

  private static BigDecimal big(double v) {
    return new BigDecimal(v);
  }

  private final Expansion expansion = new Expansion();

  private double orientV(int a, int b, double px, double py) {
    return orient(vx[a], vy[a], vx[b], vy[b], px, py, expansion);
  }

  // ---------------------------------------------------------------- location

  // The grid is a pyramid: level 0 has gridSide² cells, each level above a quarter as many. A
  // lookup climbs from the finest level until a cell holds a vertex, so in a sparsely sampled
  // region (large triangles) it starts from a coarser cell, which few triangles span.
  private int[][] levels;

  private int gridCell(int side, double x, double y) {
    int i = (int) ((x - minX) / spanX * side);
    int j = (int) ((y - minY) / spanY * side);
    i = i < 0 ? 0 : (i >= side ? side - 1 : i);
    j = j < 0 ? 0 : (j >= side ? side - 1 : j);
    return j * side + i;
  }

  private void gridPut(int v) {
    int side = gridSide;
    for (int[] level : levels) {
      level[gridCell(side, vx[v], vy[v])] = v;
      side >>= 1;
    }
  }

  private void gridAdd(int v) {
    if (levels == null || nv > 4 * gridSide * gridSide) {
      int side = Math.max(1, gridSide);
      while (nv > 2 * side * side) {
        side *= 2;
      }
      gridSide = side;
      int count = Integer.numberOfTrailingZeros(side) + 1;
      levels = new int[count][];
      for (int k = 0, s = side; k < count; k++, s >>= 1) {
        levels[k] = new int[s * s];
        Arrays.fill(levels[k], NONE);
      }
      for (int u = 0; u < nv; u++) {
        gridPut(u);
      }
    } else {
      gridPut(v);
    }
  }

  /** A triangle near (x, y) to start a walk from. */
  private int startNear(double x, double y) {
    if (levels == null) {
      return lastTriangle;
    }
    int side = gridSide;
    for (int[] level : levels) {
      int v = level[gridCell(side, x, y)];
      if (v != NONE) {
        return vtri[v];
      }
      side >>= 1;
    }
    return lastTriangle;
  }

  /**
   * The triangle that contains (x, y) (closed), found by a visibility walk; the point must lie in
   * the rectangle.
   */
  int locate(double x, double y) {
    return walk(startNear(x, y), x, y);
  }

  private int walk(int t, double x, double y) {
    int steps = 0;
    outer:
    while (true) {
      int o = 3 * t;
      int r = walkRotation = (walkRotation + 1) % 3;
      for (int k = 0; k < 3; k++) {
        int i = (r + k) % 3;
        int a = tri[o + (i + 1) % 3];
        int b = tri[o + (i + 2) % 3];
        if (orientV(a, b, x, y) < 0) {
          int n = adj[o + i];
          if (n == NONE) {
            throw new IllegalArgumentException(
                "point (" + x + ", " + y + ") lies outside the triangulated rectangle");
          }
          t = n;
          if (++steps > 4 * nt + 16) {
            throw new IllegalStateException("point location does not terminate");
          }
          continue outer;
        }
      }
      return t;
    }
  }

  // ---------------------------------------------------------------- insertion

  /**
   * Inserts (x, y), which must lie in the rectangle, and returns its vertex id. If a vertex is
   * already there, returns its id (as {@code -1 - id}) and changes nothing.
   */
  int insert(double x, double y) {
    int t = locate(x, y);
    int o = 3 * t;
    int a = tri[o];
    int b = tri[o + 1];
    int c = tri[o + 2];
    for (int k = 0; k < 3; k++) {
      int v = tri[o + k];
      if (vx[v] == x && vy[v] == y) {
        return -1 - v;
      }
    }
    double oa = orientV(b, c, x, y);
    double ob = orientV(c, a, x, y);
    double oc = orientV(a, b, x, y);
    int p = addVertex(x, y);
    int top = 0;
    if (oa != 0 && ob != 0 && oc != 0) {
      top = splitInside(t, p, top);
    } else {
      int edge = oa == 0 ? 0 : (ob == 0 ? 1 : 2);
      top = splitEdge(t, edge, p, top);
    }
    legalize(top);
    gridAdd(p);
    lastTriangle = vtri[p];
    return p;
  }

  private int push(int top, int t, int i) {
    if (top + 2 > flipStack.length) {
      flipStack = Arrays.copyOf(flipStack, flipStack.length * 2);
    }
    flipStack[top] = t;
    flipStack[top + 1] = i;
    return top + 2;
  }

  private int splitInside(int t, int p, int top) {
    int o = 3 * t;
    int a = tri[o];
    int b = tri[o + 1];
    int c = tri[o + 2];
    int na = adj[o];
    int nb = adj[o + 1];
    int nc = adj[o + 2];
    int t1 = nt;
    int t2 = nt + 1;
    set(t, a, b, p, t1, t2, nc);
    newTriangle(b, c, p, t2, t, na);
    newTriangle(c, a, p, t, t1, nb);
    repoint(na, t, t1);
    repoint(nb, t, t2);
    vtri[a] = t;
    vtri[b] = t;
    vtri[c] = t1;
    vtri[p] = t;
    top = push(top, t, 2);
    top = push(top, t1, 2);
    return push(top, t2, 2);
  }

  /** Splits on the edge opposite vertex {@code i} of {@code t}. */
  private int splitEdge(int t, int i, int p, int top) {
    int o = 3 * t;
    int a = tri[o + i];
    int b = tri[o + (i + 1) % 3];
    int c = tri[o + (i + 2) % 3];
    int ntb = adj[o + (i + 1) % 3]; // across (c, a)
    int ntc = adj[o + (i + 2) % 3]; // across (a, b)
    int u = adj[o + i];
    int t2 = nt;
    if (u == NONE) {
      set(t, a, b, p, NONE, t2, ntc);
      newTriangle(a, p, c, NONE, ntb, t);
      repoint(ntb, t, t2);
      vtri[a] = t;
      vtri[b] = t;
      vtri[c] = t2;
      vtri[p] = t;
      top = push(top, t, 2);
      return push(top, t2, 1);
    }
    int uo = 3 * u;
    int j = adj[uo] == t ? 0 : (adj[uo + 1] == t ? 1 : 2);
    int d = tri[uo + j];
    // u = (d, c, b) in rotation
    int nub = adj[uo + (j + 1) % 3]; // opposite c in u: edge (b, d)
    int nuc = adj[uo + (j + 2) % 3]; // opposite b in u: edge (d, c)
    int u2 = nt + 1;
    // t1 = t: (a, b, p); t2: (a, p, c); u1 = u: (d, c, p); u2: (d, p, b)
    set(t, a, b, p, u2, t2, ntc);
    newTriangle(a, p, c, u, ntb, t);
    set(u, d, c, p, t2, u2, nuc);
    newTriangle(d, p, b, t, nub, u);
    repoint(ntb, t, t2);
    repoint(nub, u, u2);
    vtri[a] = t;
    vtri[b] = t;
    vtri[c] = t2;
    vtri[d] = u;
    vtri[p] = t;
    top = push(top, t, 2);
    top = push(top, t2, 1);
    top = push(top, u, 2);
    return push(top, u2, 1);
  }

  /** Flips until every edge opposite the new vertex on the stack is locally Delaunay. */
  private void legalize(int top) {
    while (top > 0) {
      top -= 2;
      int t = flipStack[top];
      int i = flipStack[top + 1];
      int o = 3 * t;
      int u = adj[o + i];
      if (u == NONE) {
        continue;
      }
      int p = tri[o + i];
      int x = tri[o + (i + 1) % 3];
      int y = tri[o + (i + 2) % 3];
      int uo = 3 * u;
      int j = adj[uo] == t ? 0 : (adj[uo + 1] == t ? 1 : 2);
      int d = tri[uo + j];
      if (incircle(vx[p], vy[p], vx[x], vy[x], vx[y], vy[y], vx[d], vy[d], expansion) <= 0) {
        continue;
      }
      int ntx = adj[o + (i + 1) % 3]; // across (y, p)
      int nty = adj[o + (i + 2) % 3]; // across (p, x)
      // in u = (d, y, x): opposite y is edge (x, d), opposite x is edge (d, y)
      int nux = adj[uo + (j + 2) % 3]; // opposite x: (d, y)
      int nuy = adj[uo + (j + 1) % 3]; // opposite y: (x, d)
      set(t, p, x, d, nuy, u, nty);
      set(u, p, d, y, nux, ntx, t);
      repoint(nuy, u, t);
      repoint(ntx, t, u);
      vtri[p] = t;
      vtri[x] = t;
      vtri[d] = t;
      vtri[y] = u;
      top = push(top, t, 0);
      top = push(top, u, 0);
    }
  }

  // ---------------------------------------------------------------- rings

  /** Filled by {@link #trianglesAround}. */
  int[] ringT = new int[32];

  /** Filled by {@link #neighbours}. */
  int[] ringV = new int[32];

  /**
   * Writes the triangles around vertex {@code v} into {@link #ringT} (counter-clockwise, starting
   * at a boundary triangle if {@code v} is on the boundary) and returns how many.
   */
  int trianglesAround(int v) {
    int start = vtri[v];
    int t = start;
    // rotate clockwise to the boundary (or all the way round)
    while (true) {
      int o = 3 * t;
      int k = tri[o] == v ? 0 : (tri[o + 1] == v ? 1 : 2);
      int prev = adj[o + (k + 2) % 3]; // clockwise: across (v, tri[k+1])
      if (prev == NONE) {
        break;
      }
      t = prev;
      if (t == start) {
        break;
      }
    }
    int first = t;
    int n = 0;
    do {
      if (n == ringT.length) {
        ringT = Arrays.copyOf(ringT, n * 2);
      }
      ringT[n++] = t;
      int o = 3 * t;
      int k = tri[o] == v ? 0 : (tri[o + 1] == v ? 1 : 2);
      t = adj[o + (k + 1) % 3]; // counter-clockwise: across (v, tri[k+2])
    } while (t != NONE && t != first);
    return n;
  }

  /**
   * Writes the neighbours of vertex {@code v} into {@link #ringV} in counter-clockwise order and
   * returns how many; overwrites {@link #ringT} with the triangles around {@code v}.
   */
  int neighbours(int v) {
    int m = trianglesAround(v);
    if (ringV.length < m + 1) {
      ringV = new int[Math.max(2 * ringV.length, m + 1)];
    }
    int n = 0;
    for (int q = 0; q < m; q++) {
      int o = 3 * ringT[q];
      int k = tri[o] == v ? 0 : (tri[o + 1] == v ? 1 : 2);
      ringV[n++] = tri[o + (k + 1) % 3];
    }
    int o = 3 * ringT[m - 1];
    int k = tri[o] == v ? 0 : (tri[o + 1] == v ? 1 : 2);
    if (adj[o + (k + 1) % 3] == NONE) {
      ringV[n++] = tri[o + (k + 2) % 3];
    }
    return n;
  }
}

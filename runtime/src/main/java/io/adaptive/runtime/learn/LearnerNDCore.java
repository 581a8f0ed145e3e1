/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The algorithm of {@link LearnerND} for any number of outputs (learners.md §5); the public
 * classes adapt its points and values.
 */
final class LearnerNDCore {

  final int dim;
  final int vdim;
  private final int k;
  private final double[] lower;
  private final double[] upper;
  private final double[] inv; // 1 / width: python's transform
  private final LearnerNDLoss lossFunction;
  private final double[][] corners;

  // evaluated points, in the order told
  private final Map<Object, Integer> index = new HashMap<>();
  private double[] points;
  private double[] values;
  private int n;

  // the triangulation of the in-bounds evaluated points; vertex v has the values at vvalues[v·vdim]
  private final TriangulationND tri;
  private boolean built;
  private double[] vvalues = new double[64];

  private final LinkedHashMap<Object, double[]> pending = new LinkedHashMap<>();
  private final Map<Object, Integer> pendingSimplex = new HashMap<>();

  // per simplex slot
  private double[] loss = new double[0];
  private int[] version = new int[0];
  private PendingSplit[] split = new PendingSplit[0];
  private int[] touched = new int[0];
  private int touchStamp;
  private final MaxLoss maxLoss = new MaxLoss();
  private final SimplexQueue queue = new SimplexQueue();

  // output scaling
  private boolean ranged;
  private double minValue;
  private double maxValue;
  private double oldScale;
  private double multiplier = 1;

  private long random;

  // ask(n, false) records what it changes, and undoes it
  private boolean recording;
  private final Map<Integer, PendingSplit> savedSplits = new LinkedHashMap<>();
  private final List<Object> addedPending = new ArrayList<>();
  private final Map<Object, Integer> savedHints = new HashMap<>();
  private final Set<Object> hintRecorded = new java.util.HashSet<>();

  // scratch
  private final double[] simplex;
  private final double[] lifted;
  private final double[] chosen;
  private final double[] scaled;
  private final int[] tuple;
  private final double[] work = new double[64];
  private final int[] cols = new int[5];
  private final double[] withNeighbour;
  private final TriangulationND.IntList found = new TriangulationND.IntList();

  LearnerNDCore(double[] lower, double[] upper, int vdim, LearnerNDLoss lossFunction, long seed) {
    Objects.requireNonNull(lower, "lower");
    Objects.requireNonNull(upper, "upper");
    Objects.requireNonNull(lossFunction, "loss");
    if (lower.length != upper.length) {
      throw new IllegalArgumentException(
          lower.length + " lower bounds but " + upper.length + " upper bounds");
    }
    if (lower.length != 2 && lower.length != 3) {
      throw new IllegalArgumentException(
          "a box of dimension " + lower.length + "; LearnerND supports dimension 2 and 3");
    }
    for (int i = 0; i < lower.length; i++) {
      if (!(Double.isFinite(lower[i]) && Double.isFinite(upper[i]) && lower[i] < upper[i])) {
        throw new IllegalArgumentException("bound " + i + " is (" + lower[i] + ", " + upper[i]
            + "); it needs finite numbers with lower < upper");
      }
    }
    if (vdim < 1) {
      throw new IllegalArgumentException("vdim '" + vdim + "' must be at least 1");
    }
    this.dim = lower.length;
    this.k = dim + 1;
    this.vdim = vdim;
    this.lower = lower.clone();
    this.upper = upper.clone();
    this.inv = new double[dim];
    for (int i = 0; i < dim; i++) {
      inv[i] = 1.0 / (upper[i] - lower[i]);
    }
    this.lossFunction = lossFunction;
    this.random = seed;
    this.tri = new TriangulationND(dim);
    this.points = new double[64 * dim];
    this.values = new double[64 * vdim];
    this.corners = new double[1 << dim][dim];
    for (int mask = 0; mask < 1 << dim; mask++) {
      for (int i = 0; i < dim; i++) {
        corners[mask][i] = ((mask >> (dim - 1 - i)) & 1) == 0 ? lower[i] : upper[i];
      }
    }
    this.simplex = new double[(k + 1) * dim];
    this.lifted = new double[(k + 1) * (dim + vdim)];
    this.chosen = new double[dim];
    this.scaled = new double[dim];
    this.tuple = new int[k];
    this.withNeighbour = new double[(k + 1) * (dim + vdim)];
  }

  TriangulationND triangulation() {
    return built ? tri : null;
  }

  // ------------------------------------------------------------------ tell

  void tell(double[] p, double[] value, int offset) {
    Object key = PointKeys.of(p);
    if (index.containsKey(key)) {
      return;
    }
    Integer hint = pendingSimplex.remove(key);
    pending.remove(key);
    if ((n + 1) * dim > points.length) {
      points = Arrays.copyOf(points, points.length * 2);
    }
    if ((n + 1) * vdim > values.length) {
      values = Arrays.copyOf(values, values.length * 2);
    }
    System.arraycopy(p, 0, points, n * dim, dim);
    System.arraycopy(value, offset, values, n * vdim, vdim);
    index.put(key, n++);
    if (!inside(p)) {
      return;
    }
    updateRange(value, offset);
    int v = tri.addVertex(scale(p, new double[dim]));
    if ((v + 1) * vdim > vvalues.length) {
      vvalues = Arrays.copyOf(vvalues, Math.max(vvalues.length * 2, (v + 1) * vdim));
    }
    System.arraycopy(value, offset, vvalues, v * vdim, vdim);
    if (!built) {
      if (tri.vertexCount() >= k && tri.build()) {
        built = true;
        ensureSlots();
        for (int s = 0; s < tri.slots(); s++) {
          if (tri.alive(s)) {
            version[s]++;
            setLoss(s, computeLoss(s));
            pushAll(s);
          }
        }
      }
      return;
    }
    if (tri.insert(v, hint == null ? -1 : hint)) {
      afterInsert();
      // Entries of deleted simplices stay in the queue until popped; without a sweep the heap
      // would hold every simplex ever made (~30 per point in 3-D) and grow slower to sift.
      if (queue.size() > 2 * tri.count() + 4096) {
        queue.retain(this::current);
      }
    }
  }

  private void afterInsert() {
    ensureSlots();
    Set<Object> unboundKeys = null;
    for (int i = 0; i < tri.deleted.size(); i++) {
      int s = tri.deleted.get(i);
      maxLoss.remove(s);
      version[s]++;
      PendingSplit sp = split[s];
      if (sp != null) {
        split[s] = null;
        for (double[] raw : sp.points) {
          Object key = PointKeys.of(raw);
          if (!index.containsKey(key) && pending.containsKey(key)) {
            if (unboundKeys == null) {
              unboundKeys = new LinkedHashSet<>();
            }
            unboundKeys.add(key);
          }
        }
      }
    }
    List<double[]> unbound = new ArrayList<>();
    if (unboundKeys != null) {
      for (Map.Entry<Object, double[]> e : pending.entrySet()) { // arrival order
        if (unboundKeys.contains(e.getKey())) {
          unbound.add(e.getValue());
        }
      }
    }
    touchStamp++;
    for (int i = 0; i < tri.added.size(); i++) {
      int s = tri.added.get(i);
      touched[s] = touchStamp;
      version[s]++;
      setLoss(s, computeLoss(s));
      for (double[] raw : unbound) {
        scale(raw, scaled);
        if (tri.pointIn(scaled, s)) {
          addToSplit(s, raw, scaled);
          pendingSimplex.put(PointKeys.of(raw), s);
        }
      }
      pushAll(s);
    }
    if (lossFunction.usesNeighbours()) {
      for (int i = 0; i < tri.added.size(); i++) {
        int s = tri.added.get(i);
        for (int f = 0; f < k; f++) {
          int nb = tri.neighbour(s, f);
          if (nb >= 0 && touched[nb] != touchStamp) {
            touched[nb] = touchStamp;
            version[nb]++;
            setLoss(nb, computeLoss(nb));
            pushAll(nb);
          }
        }
      }
    }
  }

  private void ensureSlots() {
    int m = tri.slots();
    if (m > loss.length) {
      int c = Math.max(m, loss.length * 2);
      loss = Arrays.copyOf(loss, c);
      version = Arrays.copyOf(version, c);
      split = Arrays.copyOf(split, c);
      touched = Arrays.copyOf(touched, c);
      maxLoss.ensure(c);
    }
  }

  private void setLoss(int s, double value) {
    loss[s] = value;
    maxLoss.set(s, value);
  }

  // ------------------------------------------------------------------ pending

  void tellPending(double[] p) {
    tellPending(p, -1);
  }

  private void tellPending(double[] p, int hint) {
    Object key = PointKeys.of(p);
    if (index.containsKey(key) || pending.containsKey(key) || !inside(p)) {
      return;
    }
    double[] raw = p.clone();
    pending.put(key, raw);
    if (recording) {
      addedPending.add(key);
    }
    if (!built) {
      return;
    }
    double[] ps = scale(raw, new double[dim]);
    tri.containing(ps, hint, found);
    int last = hint;
    for (int i = 0; i < found.size(); i++) {
      int s = found.get(i);
      int[] made = addToSplit(s, raw, ps);
      for (int sub : made) {
        pushSub(s, sub);
      }
      last = s;
    }
    if (last >= 0) {
      if (recording && hintRecorded.add(key)) {
        savedHints.put(key, pendingSimplex.get(key));
      }
      pendingSimplex.put(key, last);
    }
  }

  private int[] addToSplit(int s, double[] raw, double[] ps) {
    PendingSplit sp = split[s];
    if (recording && !savedSplits.containsKey(s)) {
      savedSplits.put(s, sp == null ? null : sp.copy());
    }
    boolean fresh = sp == null;
    if (fresh) {
      tri.vertices(s, simplex);
      sp = new PendingSplit(dim, simplex);
      split[s] = sp;
      version[s]++; // its real entry is stale now
    }
    int[] made = sp.insert(raw, ps);
    if (fresh && made.length == 0) {
      // the point lay in no sub-simplex after all (rounding at the tolerance): keep the simplex
      // whole, and in the queue
      split[s] = null;
      version[s]++;
      pushAll(s);
    }
    return made;
  }

  int pendingCount() {
    return pending.size();
  }

  void removeUnfinished() {
    pending.clear();
    pendingSimplex.clear();
    for (int s = 0; s < split.length; s++) {
      if (split[s] != null) {
        split[s] = null;
        if (tri.alive(s)) {
          version[s]++;
          pushAll(s);
        }
      }
    }
  }

  // ------------------------------------------------------------------ queue

  private void pushAll(int s) {
    PendingSplit sp = split[s];
    if (sp == null) {
      queue.push(loss[s], verts01(s), verts23(s), SimplexQueue.ROOT, s, version[s], -1);
      return;
    }
    for (int sub = 0; sub < sp.size(); sub++) {
      if (sp.alive(sub)) {
        pushSub(s, sub);
      }
    }
  }

  private void pushSub(int s, int sub) {
    PendingSplit sp = split[s];
    double density = loss[s] / tri.volume(s);
    double subLoss = sp.volume(sub) * density;
    sp.tuple(sub, tuple);
    queue.push(subLoss, verts01(s), verts23(s), SimplexQueue.subKey(tuple, k), s, version[s],
        sub);
  }

  private long verts01(int s) {
    return ((long) tri.vertex(s, 0) << 32) | tri.vertex(s, 1);
  }

  private long verts23(int s) {
    return dim == 3 ? ((long) tri.vertex(s, 2) << 32) | tri.vertex(s, 3)
        : (long) tri.vertex(s, 2) << 32;
  }

  private boolean current(int s, int ver, int sub) {
    if (!tri.alive(s) || version[s] != ver) {
      return false;
    }
    return sub < 0 ? split[s] == null : split[s] != null && split[s].alive(sub);
  }

  // ------------------------------------------------------------------ ask

  /**
   * Writes up to {@code n} points (coordinates interleaved) and their improvements; returns how
   * many.
   */
  int ask(int n, boolean tellPending, double[] out, double[] improvements) {
    if (!tellPending) {
      recording = true;
      savedSplits.clear();
      addedPending.clear();
      savedHints.clear();
      hintRecorded.clear();
    }
    long randomBefore = random;
    int count = 0;
    try {
      while (count < n && askOne(out, count, improvements)) {
        count++;
      }
    } finally {
      if (!tellPending) {
        rollBack();
        random = randomBefore;
      }
    }
    return count;
  }

  private void rollBack() {
    recording = false;
    for (Object key : addedPending) {
      pending.remove(key);
    }
    for (Map.Entry<Object, Integer> e : savedHints.entrySet()) {
      if (e.getValue() == null) {
        pendingSimplex.remove(e.getKey());
      } else {
        pendingSimplex.put(e.getKey(), e.getValue());
      }
    }
    for (Map.Entry<Integer, PendingSplit> e : savedSplits.entrySet()) {
      int s = e.getKey();
      if (tri.alive(s)) {
        split[s] = e.getValue();
        version[s]++;
        pushAll(s);
      }
    }
    savedSplits.clear();
    addedPending.clear();
    savedHints.clear();
    hintRecorded.clear();
  }

  private boolean askOne(double[] out, int at, double[] improvements) {
    for (double[] corner : corners) {
      Object key = PointKeys.of(corner);
      if (!index.containsKey(key) && !pending.containsKey(key)) {
        tellPending(corner, -1);
        System.arraycopy(corner, 0, out, at * dim, dim);
        improvements[at] = Double.POSITIVE_INFINITY;
        return true;
      }
    }
    if (!built) {
      double[] p = new double[dim];
      do {
        for (int i = 0; i < dim; i++) {
          p[i] = nextDouble() * (upper[i] - lower[i]) + lower[i];
        }
      } while (!inside(p) || index.containsKey(PointKeys.of(p)));
      tellPending(p, -1);
      System.arraycopy(p, 0, out, at * dim, dim);
      improvements[at] = Double.POSITIVE_INFINITY;
      return true;
    }
    for (int attempt = 0; attempt < 2; attempt++) {
      while (queue.size() > 0) {
        int s = queue.topSlot();
        int ver = queue.topVersion();
        int sub = queue.topSubIndex();
        double l = queue.topLoss();
        queue.pop();
        if (!current(s, ver, sub)) {
          continue;
        }
        if (recording && !savedSplits.containsKey(s)) {
          savedSplits.put(s, split[s] == null ? null : split[s].copy());
        }
        if (sub < 0) {
          tri.vertices(s, simplex);
        } else {
          split[s].vertices(sub, simplex);
        }
        SimplexGeometry.choosePoint(simplex, dim, chosen);
        double[] p = new double[dim];
        for (int i = 0; i < dim; i++) {
          p[i] = chosen[i] / inv[i]; // python undoes the transform by solving with it
        }
        Object key = PointKeys.of(p);
        if (index.containsKey(key) || pending.containsKey(key)) {
          continue;
        }
        tellPending(p, s);
        System.arraycopy(p, 0, out, at * dim, dim);
        improvements[at] = l;
        return true;
      }
      requeueAll(); // only stale entries were left: should not happen, but never give up early
    }
    return false;
  }

  private void requeueAll() {
    queue.clear();
    for (int s = 0; s < tri.slots(); s++) {
      if (tri.alive(s)) {
        pushAll(s);
      }
    }
  }

  private double nextDouble() {
    long z = (random += 0x9E3779B97F4A7C15L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z = z ^ (z >>> 31);
    return (z >>> 11) * 0x1.0p-53;
  }

  // ------------------------------------------------------------------ losses

  double loss() {
    if (!built || maxLoss.size() == 0) {
      return Double.POSITIVE_INFINITY;
    }
    return maxLoss.max();
  }

  long npoints() {
    return n;
  }

  private void updateRange(double[] value, int offset) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < vdim; c++) {
      lo = Math.min(lo, value[offset + c]);
      hi = Math.max(hi, value[offset + c]);
    }
    if (!ranged) {
      ranged = true;
      minValue = lo;
      maxValue = hi;
      double scale = maxValue - minValue;
      oldScale = scale == 0 ? 1 : scale;
      return;
    }
    minValue = Math.min(minValue, lo);
    maxValue = Math.max(maxValue, hi);
    double scale = maxValue - minValue;
    double m = 1 / (scale == 0 ? 1 : scale);
    double absoluteError = 1e-15 * Math.max(Math.abs(minValue), Math.abs(maxValue));
    if (absoluteError * m > 1e-2) {
      m = 1;
    }
    multiplier = m;
    if (scale / oldScale > 1.1) {
      oldScale = scale;
      recomputeAll();
    }
  }

  private void recomputeAll() {
    if (!built) {
      return;
    }
    queue.clear();
    for (int s = 0; s < tri.slots(); s++) {
      if (tri.alive(s)) {
        version[s]++;
        setLoss(s, computeLoss(s));
        pushAll(s);
      }
    }
  }

  /** The loss of simplex {@code s} (scaled coordinates, values times the multiplier). */
  double computeLoss(int s) {
    tri.vertices(s, simplex);
    if (lossFunction instanceof LearnerNDLoss.Uniform) {
      return SimplexGeometry.volume(simplex, dim, work);
    }
    if (lossFunction instanceof LearnerNDLoss.Std) {
      double sum = 0;
      for (int c = 0; c < vdim; c++) {
        double mean = 0;
        for (int i = 0; i < k; i++) {
          mean += value(tri.vertex(s, i), c);
        }
        mean /= k;
        double var = 0;
        for (int i = 0; i < k; i++) {
          double t = value(tri.vertex(s, i), c) - mean;
          var += t * t;
        }
        double std = Math.sqrt(var / k);
        sum += std * std;
      }
      double vol = SimplexGeometry.volume(simplex, dim, work);
      return Math.sqrt(sum) * Math.pow(vol, 1.0 / dim) + vol;
    }
    int big = dim + vdim;
    for (int i = 0; i < k; i++) {
      liftVertex(tri.vertex(s, i), i, big);
    }
    if (lossFunction instanceof LearnerNDLoss.Default) {
      return SimplexGeometry.embeddedVolume(lifted, dim, big, work(dim, big), cols);
    }
    double sum = 0;
    int count = 0;
    System.arraycopy(lifted, 0, withNeighbour, 0, k * big);
    for (int i = 0; i < k; i++) {
      int o = tri.opposingVertex(s, i);
      if (o < 0) {
        continue;
      }
      for (int c = 0; c < dim; c++) {
        withNeighbour[k * big + c] = tri.coord(o, c);
      }
      for (int c = 0; c < vdim; c++) {
        withNeighbour[k * big + dim + c] = value(o, c);
      }
      sum += SimplexGeometry.embeddedVolume(withNeighbour, dim + 1, big, work(dim + 1, big), cols);
      count++;
    }
    double triangle = count == 0 ? 0 : sum / count;
    if (lossFunction instanceof LearnerNDLoss.Curvature curvature) {
      double vol = SimplexGeometry.volume(simplex, dim, work);
      return Math.pow(triangle + curvature.exploration() * Math.pow(vol, (2.0 + dim) / dim),
          1.0 / (2 + dim));
    }
    return triangle;
  }

  private double[] work(int kk, int big) {
    int need = kk * big + kk * kk;
    return need <= work.length ? work : new double[need];
  }

  private void liftVertex(int v, int at, int big) {
    for (int c = 0; c < dim; c++) {
      lifted[at * big + c] = tri.coord(v, c);
    }
    for (int c = 0; c < vdim; c++) {
      lifted[at * big + dim + c] = value(v, c);
    }
  }

  private double value(int v, int c) {
    return multiplier * vvalues[v * vdim + c];
  }

  // ------------------------------------------------------------------ data

  boolean inside(double[] p) {
    for (int i = 0; i < dim; i++) {
      if (!(lower[i] - 1e-8 <= p[i] && p[i] <= upper[i] + 1e-8)) {
        return false;
      }
    }
    return true;
  }

  private double[] scale(double[] p, double[] out) {
    for (int i = 0; i < dim; i++) {
      out[i] = p[i] * inv[i];
    }
    return out;
  }

  /** Calls {@code sink} with each evaluated point and its values (at an offset), in tell order. */
  void forEachData(DataSink sink) {
    for (int i = 0; i < n; i++) {
      sink.accept(Arrays.copyOfRange(points, i * dim, (i + 1) * dim), values, i * vdim);
    }
  }

  /** Receives one evaluated point; its values start at {@code offset} of {@code values}. */
  @FunctionalInterface
  interface DataSink {
    void accept(double[] point, double[] values, int offset);
  }

  /**
   * The linear interpolant of the evaluated points at {@code p}, written to {@code out} at {@code
   * offset}; NaN outside the triangulation or before there is one.
   */
  void interpolate(double[] p, double[] out, int offset) {
    Arrays.fill(out, offset, offset + vdim, Double.NaN);
    if (!built || !inside(p)) {
      return;
    }
    double[] ps = scale(p, new double[dim]);
    int s = tri.locate(ps);
    if (s < 0) {
      return;
    }
    tri.vertices(s, simplex);
    double[] m = new double[dim * dim];
    for (int r = 0; r < dim; r++) {
      for (int c = 0; c < dim; c++) {
        m[r * dim + c] = simplex[(r + 1) * dim + c] - simplex[c];
      }
    }
    double det = SimplexGeometry.det(m, dim);
    double[] bary = new double[k];
    double rest = 1;
    double[] mi = new double[dim * dim];
    for (int r = 0; r < dim; r++) {
      System.arraycopy(m, 0, mi, 0, m.length);
      for (int c = 0; c < dim; c++) {
        mi[r * dim + c] = ps[c] - simplex[c];
      }
      bary[r + 1] = SimplexGeometry.det(mi, dim) / det;
      rest -= bary[r + 1];
    }
    bary[0] = rest;
    for (int c = 0; c < vdim; c++) {
      double v = 0;
      for (int i = 0; i < k; i++) {
        v += bary[i] * vvalues[tri.vertex(s, i) * vdim + c];
      }
      out[offset + c] = v;
    }
  }

  /** An indexed binary max-heap of the losses of the live simplices, by slot. */
  private static final class MaxLoss {
    private int[] heap = new int[64];
    private int[] position = new int[0];
    private double[] value = new double[0];
    private int size;

    void ensure(int slots) {
      if (slots > position.length) {
        int old = position.length;
        position = Arrays.copyOf(position, slots);
        Arrays.fill(position, old, slots, -1);
        value = Arrays.copyOf(value, slots);
      }
    }

    int size() {
      return size;
    }

    double max() {
      return value[heap[0]];
    }

    void set(int s, double v) {
      double old = value[s];
      value[s] = v;
      int p = position[s];
      if (p < 0) {
        if (size == heap.length) {
          heap = Arrays.copyOf(heap, size * 2);
        }
        heap[size] = s;
        position[s] = size++;
        up(size - 1);
      } else if (greater(v, old)) {
        up(p);
      } else {
        down(p);
      }
    }

    void remove(int s) {
      int p = position[s];
      if (p < 0) {
        return;
      }
      position[s] = -1;
      size--;
      if (p < size) {
        int moved = heap[size];
        heap[p] = moved;
        position[moved] = p;
        up(p);
        down(position[moved]);
      }
    }

    // NaN sorts last
    private static boolean greater(double a, double b) {
      return a > b || (!Double.isNaN(a) && Double.isNaN(b));
    }

    private void up(int i) {
      while (i > 0) {
        int parent = (i - 1) >>> 1;
        if (!greater(value[heap[i]], value[heap[parent]])) {
          return;
        }
        swap(i, parent);
        i = parent;
      }
    }

    private void down(int i) {
      while (true) {
        int l = 2 * i + 1;
        if (l >= size) {
          return;
        }
        int c = l + 1 < size && greater(value[heap[l + 1]], value[heap[l]]) ? l + 1 : l;
        if (!greater(value[heap[c]], value[heap[i]])) {
          return;
        }
        swap(i, c);
        i = c;
      }
    }

    private void swap(int i, int j) {
      int a = heap[i];
      heap[i] = heap[j];
      heap[j] = a;
      position[heap[i]] = i;
      position[heap[j]] = j;
    }
  }
}

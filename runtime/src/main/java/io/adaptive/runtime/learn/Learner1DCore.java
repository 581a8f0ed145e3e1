/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

import static io.adaptive.runtime.learn.OrderedIds.NONE;

import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * The state and algorithm of learners.md §3 for values of any fixed length {@code vdim}; {@link
 * Learner1D} (scalar) and {@link VectorLearner1D} are thin fronts over it.
 *
 * <p>Every point seen (evaluated, pending, or forgotten pending) has a dense int id; its x, value
 * and flags live in arrays indexed by that id, so nothing is boxed. The sorted sets {@code real}
 * and {@code combined} are {@link OrderedIds}; {@code combined} also identifies the known points
 * inside the bounds (see {@link #find}), so only points outside need a hash map. An interval is
 * always a pair of consecutive members of its set, so each loss map is stored under the id of the
 * interval's left end, in a {@link LossHeap}. In the ask-then-tell loop every step is O(1) except
 * the heap updates, O(log n); only the combined heap is updated there, the real one is brought up
 * to date when something reads it (see {@link #syncReal()}).
 */
final class Learner1DCore {

  private static final byte DATA = 1;
  private static final byte PENDING = 2;
  private static final byte COMBINED = 4;
  private static final byte REAL = 8;
  private static final double INF = Double.POSITIVE_INFINITY;

  /** How far to walk the combined list for a real neighbour before searching the real tree. */
  private static final int WALK = 8;

  /** How many recently asked points {@link #find} checks before searching (a power of two). */
  private static final int RECENT = 32;

  final double a;
  final double b;
  final double xScale;
  final double dxEps;
  final IntervalLoss lossFn;
  final int nth;
  private final int vdim;

  // per id
  private int ids;
  /**
   * Per id, side by side so that one point is one cache line (or two): x at {@code pt[ps * id]},
   * then the vdim values of y. A tell of the curvature loss reads six neighbours.
   */
  private double[] pt;

  private final int ps;
  private byte[] flags;

  /** Ids of points outside the bounds; points inside are found through {@code combined}. */
  private final PointIds outside;

  /** The last points handed out by ask, most likely the next to be told. */
  private final int[] recent = new int[RECENT];

  private int recentNext;

  /** Set by {@link #find} when it returns NONE for a point inside: its predecessor in combined. */
  private int searchPred;

  /**
   * A pending point inside the bounds whose update of the combined losses has not been made yet,
   * or NONE (see {@link #flushPending()}).
   */
  private int deferred = NONE;

  private final int idA;
  private final int idB;

  private int[] order; // ids of data, in insertion order
  private int nData;
  private int nPending;

  private final OrderedIds real;
  private final OrderedIds combined;
  private final LossHeap lossCombined;

  /**
   * The real loss map, read only by {@link #loss(boolean) loss(true)} and {@link
   * #removeUnfinished()}: it is brought up to date lazily by {@link #syncReal()}, from {@link
   * #realLoss} and the intervals listed in {@link #dirty} (or all of them when {@link #realStale}).
   * The ask-then-tell loop never reads it, so it skips half of the heap updates.
   */
  private final LossHeap lossReal;

  /** id -> the real loss of the interval whose left end is id (valid while id is real). */
  private double[] realLoss;

  /** Left ends of real intervals whose loss changed since the last {@link #syncReal()}. */
  private int[] dirty = new int[64];

  private int nDirty;

  /** Whether lossReal must be rebuilt from every real interval (too many dirty ones to list). */
  private boolean realStale;

  private double[] yMin;
  private double[] yMax;
  private double yScale;
  private double oldYScale;

  // scratch for loss evaluation
  private final double[] sx;
  private double[] sy;

  Learner1DCore(double a, double b, IntervalLoss lossFn, int vdim) {
    if (!(a < b) || Double.isInfinite(a) || Double.isInfinite(b)) {
      throw new IllegalArgumentException(
          "bounds ("
              + a
              + ", "
              + b
              + ") are not a finite interval with lower < upper; for example use (-1.0, 1.0)");
    }
    if (vdim < 1) {
      throw new IllegalArgumentException("vdim '" + vdim + "' must be at least 1");
    }
    this.a = a;
    this.b = b;
    this.xScale = b - a;
    this.dxEps = 2 * Math.max(Math.abs(a), Math.abs(b)) * 2.220446049250313e-16;
    this.lossFn = lossFn;
    this.nth = lossFn.nth();
    this.vdim = vdim;
    int cap = 64;
    ps = 1 + vdim;
    pt = new double[cap * ps];
    flags = new byte[cap];
    order = new int[cap];
    outside = new PointIds(16);
    Arrays.fill(recent, NONE);
    real = new OrderedIds(cap);
    combined = new OrderedIds(cap);
    lossReal = new LossHeap(cap);
    realLoss = new double[cap];
    lossCombined = new LossHeap(cap);
    yMin = new double[vdim];
    yMax = new double[vdim];
    Arrays.fill(yMin, INF);
    Arrays.fill(yMax, Double.NEGATIVE_INFINITY);
    sx = new double[2 + 2 * nth];
    sy = new double[(2 + 2 * nth) * vdim];
    // The bounds get the first ids, so that missingBounds() is two flag reads.
    idA = newId(a);
    idB = newId(b);
  }

  int vdim() {
    return vdim;
  }

  int npoints() {
    return nData;
  }

  int pendingCount() {
    return nPending;
  }

  // ---------------------------------------------------------------- ids

  private int newId(double x) {
    int id = ids++;
    if (id == flags.length) {
      int n = flags.length * 2;
      pt = Arrays.copyOf(pt, n * ps);
      flags = Arrays.copyOf(flags, n);
      real.ensureCapacity(n);
      combined.ensureCapacity(n);
      realLoss = Arrays.copyOf(realLoss, n);
      lossCombined.ensureIdCapacity(n);
    }
    pt[ps * id] = x;
    return id;
  }

  private int outsideId(double x) {
    int id = outside.getOrPut(x, ids);
    return id == ids ? newId(x) : id;
  }

  private boolean inBounds(double x) {
    return x >= a && x <= b;
  }

  /**
   * The id of a point inside the bounds that is known (told, pending, or a bound), or NONE, and
   * then {@link #searchPred} is its predecessor in {@code combined}. Every known point inside the
   * bounds except an untold bound is a member of {@code combined}, so no hash map is needed: the
   * recently asked points are checked first, which is where the ask-then-tell loop finds them, then
   * the tree is searched.
   */
  private int find(double x) {
    if (x == a) {
      return idA;
    }
    if (x == b) {
      return idB;
    }
    for (int k = 1; k <= RECENT; k++) {
      int id = recent[(recentNext - k) & (RECENT - 1)];
      if (id != NONE && pt[ps * id] == x && (flags[id] & COMBINED) != 0) {
        return id;
      }
    }
    int p = combined.floor(pt, ps, x);
    if (p != NONE && pt[ps * p] == x) {
      return p;
    }
    searchPred = p;
    return NONE;
  }

  /** The predecessor in combined of an untold, non-pending bound. */
  private int boundPredecessor(int id) {
    return id == idA ? NONE : combined.last();
  }

  // ---------------------------------------------------------------- tell (§3.5)

  /** Tells {@code y[off .. off+vdim)} as the value at x. */
  void tell(double x, double[] y, int off) {
    if (deferred != NONE && pt[ps * deferred] != x) {
      flushPending();
    }
    int id;
    int pred = NONE;
    if (!inBounds(x)) {
      id = outsideId(x);
    } else {
      id = find(x);
      if (id == NONE) {
        id = newId(x);
        pred = searchPred;
      } else if ((flags[id] & COMBINED) == 0) {
        pred = boundPredecessor(id);
      }
    }
    byte f = flags[id];
    if ((f & DATA) != 0) {
      return;
    }
    storeData(id, y, off);
    if ((f & PENDING) != 0) {
      nPending--;
    }
    f = (byte) ((f | DATA) & ~PENDING);
    flags[id] = f;
    if (!inBounds(x)) {
      return;
    }
    if ((f & COMBINED) == 0) {
      combined.insertAfter(id, pred);
      f |= COMBINED;
    }
    real.insertAfter(id, realPredecessor(id));
    flags[id] = (byte) (f | REAL);
    updateScale(id);
    if (id == deferred) {
      // its real update below overwrites every combined interval the pending one would set
      deferred = NONE;
    }
    updateLosses(id, true);
    if (yScale > 2 * oldYScale) {
      for (int l = real.first(); l != NONE && real.next(l) != NONE; l = real.next(l)) {
        recompute(l, real.next(l));
      }
      oldYScale = yScale;
    }
  }

  /** Scalar tell without copying into an array. */
  void tell(double x, double y) {
    if (vdim != 1) {
      throw new IllegalStateException("this learner has vector values of length " + vdim);
    }
    if (deferred != NONE && pt[ps * deferred] != x) {
      flushPending();
    }
    int id;
    int pred = NONE;
    if (!inBounds(x)) {
      id = outsideId(x);
    } else {
      id = find(x);
      if (id == NONE) {
        id = newId(x);
        pred = searchPred;
      } else if ((flags[id] & COMBINED) == 0) {
        pred = boundPredecessor(id);
      }
    }
    byte f = flags[id];
    if ((f & DATA) != 0) {
      return;
    }
    pt[ps * id + 1] = y;
    appendOrder(id);
    if ((f & PENDING) != 0) {
      nPending--;
    }
    f = (byte) ((f | DATA) & ~PENDING);
    flags[id] = f;
    if (!inBounds(x)) {
      return;
    }
    if ((f & COMBINED) == 0) {
      combined.insertAfter(id, pred);
      f |= COMBINED;
    }
    real.insertAfter(id, realPredecessor(id));
    flags[id] = (byte) (f | REAL);
    if (y < yMin[0]) {
      yMin[0] = y;
    }
    if (y > yMax[0]) {
      yMax[0] = y;
    }
    yScale = yMax[0] - yMin[0];
    if (id == deferred) {
      // its real update below overwrites every combined interval the pending one would set
      deferred = NONE;
    }
    updateLosses(id, true);
    if (yScale > 2 * oldYScale) {
      for (int l = real.first(); l != NONE && real.next(l) != NONE; l = real.next(l)) {
        recompute(l, real.next(l));
      }
      oldYScale = yScale;
    }
  }

  private void storeData(int id, double[] y, int off) {
    System.arraycopy(y, off, pt, ps * id + 1, vdim);
    appendOrder(id);
  }

  private void appendOrder(int id) {
    if (nData == order.length) {
      order = Arrays.copyOf(order, nData * 2);
    }
    order[nData++] = id;
  }

  private void updateScale(int id) {
    int o = ps * id + 1;
    double scale = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < vdim; c++) {
      double y = pt[o + c];
      if (y < yMin[c]) {
        yMin[c] = y;
      }
      if (y > yMax[c]) {
        yMax[c] = y;
      }
      double s = yMax[c] - yMin[c];
      if (s > scale || Double.isNaN(s)) {
        scale = s;
      }
    }
    yScale = scale;
  }

  /**
   * The real point just below {@code id}, a member of {@code combined} that is not (yet) real.
   * Usually the combined neighbour itself; a short walk, then the real tree, otherwise.
   */
  private int realPredecessor(int id) {
    int p = combined.prev(id);
    for (int steps = 0; p != NONE && steps < WALK; steps++) {
      if ((flags[p] & REAL) != 0) {
        return p;
      }
      p = combined.prev(p);
    }
    if (p == NONE) {
      return NONE;
    }
    int q = combined.next(id);
    if (q != NONE && (flags[q] & REAL) != 0) {
      return real.prev(q);
    }
    return real.lower(pt, ps, pt[ps * id]);
  }

  // ---------------------------------------------------------------- losses (§3.4, §3.6)

  /** learners.md §3.2: round12 of the finite loss, negated so that ascending order is first. */
  double rank(double l, double r, double loss) {
    double v = loss;
    if (Double.isInfinite(v) || Double.isNaN(v)) {
      v = (r - l) / xScale;
    }
    return -round12(v);
  }

  static double round12(double v) {
    double t = v * 1e12 + 0.5;
    // trunc; through long only where that is exact (below 2^63), as learners.md §1 warns
    double trunc = t >= 0 && t < 9.0e18 ? (double) (long) t : t >= 0 ? Math.floor(t) : Math.ceil(t);
    return trunc / 1e12;
  }

  private void setCombined(int p, int q, double loss) {
    double l = pt[ps * p];
    double r = pt[ps * q];
    lossCombined.set(p, l, r, loss, rank(l, r, loss));
  }

  private void recompute(int l, int r) {
    double loss = intervalLoss(l, r);
    double xl = pt[ps * l];
    double xr = pt[ps * r];
    setReal(l, loss);
    double dx = xr - xl;
    int p = l;
    while (p != r) {
      int q = combined.next(p);
      double xp = pt[ps * p];
      double xq = pt[ps * q];
      double v = (xq - xp) * loss / dx;
      lossCombined.set(p, xp, xq, v, rank(xp, xq, v));
      p = q;
    }
  }

  /** Sets the real loss of the interval whose left end is l; lossReal follows in syncReal. */
  private void setReal(int l, double loss) {
    realLoss[l] = loss;
    if (realStale) {
      return;
    }
    if (nDirty == dirty.length) {
      if (nDirty >= nData / 4) {
        // rebuilding lossReal from every interval is cheaper than this many updates
        realStale = true;
        nDirty = 0;
        return;
      }
      dirty = Arrays.copyOf(dirty, nDirty * 2);
    }
    dirty[nDirty++] = l;
  }

  /**
   * Brings lossReal up to date. Real points are never removed, so the interval under a real left
   * end l is always (l, real.next(l)); the heap's order is the total order (rank, l), so its first
   * entry and its cursor do not depend on the order of the updates.
   */
  private void syncReal() {
    lossReal.ensureIdCapacity(ids);
    if (realStale) {
      lossReal.clear();
      for (int l = real.first(); l != NONE; ) {
        int r = real.next(l);
        if (r == NONE) {
          break;
        }
        putReal(l, r);
        l = r;
      }
      realStale = false;
    } else {
      for (int i = 0; i < nDirty; i++) {
        int l = dirty[i];
        putReal(l, real.next(l));
      }
    }
    nDirty = 0;
  }

  private void putReal(int l, int r) {
    double xl = pt[ps * l];
    double xr = pt[ps * r];
    double loss = realLoss[l];
    lossReal.set(l, xl, xr, loss, rank(xl, xr, loss));
  }

  private double intervalLoss(int l, int r) {
    if (pt[ps * r] - pt[ps * l] < dxEps) {
      return 0;
    }
    double s = yScale != 0 ? yScale : 1;
    if (nth == 0) {
      sx[0] = pt[ps * l] / xScale;
      sx[1] = pt[ps * r] / xScale;
      if (vdim == 1) {
        sy[0] = pt[ps * l + 1] / s;
        sy[1] = pt[ps * r + 1] / s;
      } else {
        scaleInto(l, 0, s);
        scaleInto(r, 1, s);
      }
      return lossFn.loss(sx, sy, vdim, 0, 2);
    }
    // nth == 1: positions prev(l), l, r, next(r)
    int p0 = real.prev(l);
    int p3 = real.next(r);
    int from = 1;
    int to = 3;
    if (p0 != NONE) {
      fill(p0, 0, s);
      from = 0;
    }
    fill(l, 1, s);
    fill(r, 2, s);
    if (p3 != NONE) {
      fill(p3, 3, s);
      to = 4;
    }
    return lossFn.loss(sx, sy, vdim, from, to);
  }

  private void fill(int id, int pos, double s) {
    sx[pos] = pt[ps * id] / xScale;
    scaleInto(id, pos, s);
  }

  private void scaleInto(int id, int pos, double s) {
    int o = ps * id + 1;
    int d = pos * vdim;
    for (int c = 0; c < vdim; c++) {
      sy[d + c] = pt[o + c] / s;
    }
  }

  private void updateLosses(int id, boolean isReal) {
    int xl;
    int xr;
    int pa = combined.prev(id);
    int pb = combined.next(id);
    if (isReal) {
      xl = real.prev(id);
      xr = real.next(id);
    } else {
      xl = realPredecessorOfPending(id, pa, pb);
      xr = xl == NONE ? real.first() : real.next(xl);
    }
    // Step 1, dropping the combined interval (pa, pb), needs no work: the interval lives under
    // pa, and every path below sets (pa, x) under pa again whenever pa exists.
    if (isReal) {
      int start = id;
      int end = id;
      for (int k = 0; k <= nth; k++) {
        if (real.prev(start) != NONE) {
          start = real.prev(start);
        }
        if (real.next(end) != NONE) {
          end = real.next(end);
        }
      }
      for (int l = start; l != end; ) {
        int r = real.next(l);
        recompute(l, r);
        l = r;
      }
      // (xl, xr) is gone from both maps: its slots under xl were just overwritten by (xl, x).
    } else if (xl != NONE && xr != NONE) {
      double loss = realLoss[xl];
      double d = pt[ps * xr] - pt[ps * xl];
      double x = pt[ps * id];
      setCombined(pa, id, (x - pt[ps * pa]) * loss / d);
      setCombined(id, pb, (pt[ps * pb] - x) * loss / d);
    }
    if (pa != NONE && (xl == NONE || (!isReal && xr == NONE))) {
      setCombined(pa, id, INF);
    }
    if (pb != NONE && (xr == NONE || (!isReal && xl == NONE))) {
      setCombined(id, pb, INF);
    }
  }

  private int realPredecessorOfPending(int id, int pa, int pb) {
    if (pa == NONE) {
      return NONE;
    }
    if ((flags[pa] & REAL) != 0) {
      return pa;
    }
    if (pb != NONE && (flags[pb] & REAL) != 0) {
      return real.prev(pb);
    }
    return realPredecessor(id);
  }

  // ---------------------------------------------------------------- tellPending, ask (§3.7)

  void tellPending(double x) {
    tellPending(x, NONE);
  }

  /** {@code hint}: an id that may be x's predecessor in {@code combined}, or NONE. */
  private int tellPending(double x, int hint) {
    flushPending();
    if (!inBounds(x)) {
      int id = outsideId(x);
      byte f = flags[id];
      if ((f & (DATA | PENDING)) == 0) {
        nPending++;
        flags[id] = (byte) (f | PENDING); // pending, but ignored like data outside the bounds
      }
      return id;
    }
    int id;
    int pred = NONE;
    if (hint != NONE
        && x != b
        && (flags[hint] & COMBINED) != 0
        && combined.isPredecessor(pt, ps, hint, x)) {
      // strictly between two neighbours in combined, and not a bound: a new point
      id = newId(x);
      pred = hint;
    } else {
      id = find(x);
      if (id == NONE) {
        id = newId(x);
        pred = searchPred;
      } else if ((flags[id] & COMBINED) == 0) {
        pred = boundPredecessor(id);
      }
    }
    byte f = flags[id];
    if ((f & DATA) != 0) {
      return id;
    }
    if ((f & PENDING) == 0) {
      nPending++;
      f |= PENDING;
    }
    if ((f & COMBINED) == 0) {
      combined.insertAfter(id, pred);
      f |= COMBINED;
      recent[recentNext] = id;
      recentNext = (recentNext + 1) & (RECENT - 1);
    }
    flags[id] = f;
    deferred = id;
    return id;
  }

  /**
   * Makes the combined-loss update of the last pending point, which {@link #tellPending(double,
   * int)} defers: in the ask-then-tell loop the point's value comes next, and its real update sets
   * every combined interval the pending update would, so the pending one is skipped. That saves a
   * sift of the combined heap from its root per point. Every method that reads the combined losses,
   * or changes the learner otherwise, calls this first.
   */
  private void flushPending() {
    int id = deferred;
    if (id != NONE) {
      deferred = NONE;
      updateLosses(id, false);
    }
  }

  private boolean boundMissing(int boundId) {
    return (flags[boundId] & (DATA | PENDING)) == 0;
  }

  /**
   * Chooses up to n points; writes them to {@code points} and their expected improvements to {@code
   * improvements} (both at least n long) and returns how many there are.
   */
  int ask(int n, boolean tellPending, double[] points, double[] improvements) {
    if (n < 0) {
      throw new IllegalArgumentException("n '" + n + "' must not be negative");
    }
    if (n == 0) {
      return 0;
    }
    flushPending();
    boolean missA = boundMissing(idA);
    boolean missB = boundMissing(idB);
    int nmb = (missA ? 1 : 0) + (missB ? 1 : 0);
    int count;
    int[] hints = null;
    if (nmb >= n) {
      count = 0;
      if (missA) {
        points[count] = a;
        improvements[count++] = INF;
      }
      if (missB && count < n) {
        points[count] = b;
        improvements[count++] = INF;
      }
    } else if (nData == 0 && nPending == 0) {
      double step = (b - a) / (n - 1);
      for (int i = 0; i < n; i++) {
        points[i] = i * step + a;
        improvements[i] = INF;
      }
      points[n - 1] = b;
      count = n;
    } else if (nmb == 0 && n == 1 && lossCombined.size() > 0) {
      // The ask(1) loop: the midpoint of the first combined interval.
      int l = lossCombined.first();
      double xl = pt[ps * l];
      double xr = lossCombined.right(l);
      points[0] = xl + (xr - xl) / 2 * 1;
      improvements[0] = lossCombined.loss(l) / 2;
      count = 1;
      hints = oneHint;
      hints[0] = l;
    } else {
      hints = new int[n];
      count = askWithQuals(n, missA, missB, points, improvements, hints);
    }
    if (tellPending) {
      int prev = NONE;
      for (int i = 0; i < count; i++) {
        int hint = hints == null ? NONE : hints[i] == HINT_PREVIOUS ? prev : hints[i];
        prev = tellPending(points[i], hint);
      }
    }
    return count;
  }

  private static final int HINT_PREVIOUS = -2;
  private final int[] oneHint = new int[1];

  /** One entry of the quals map of §3.7: k−1 points evenly inside (l, r). */
  private static final class Qual {
    final double l;
    final double r;
    final int k;
    final double loss;
    final double rank;
    final int leftId;

    Qual(double l, double r, int k, double loss, double rank, int leftId) {
      this.l = l;
      this.r = r;
      this.k = k;
      this.loss = loss;
      this.rank = rank;
      this.leftId = leftId;
    }
  }

  private double qualRank(double l, double r, int k, double loss) {
    double v = loss;
    if (Double.isInfinite(v) || Double.isNaN(v)) {
      v = (r - l) / xScale;
      v /= k;
    }
    return -round12(v);
  }

  private static int compareQuals(Qual p, Qual q) {
    if (p.rank != q.rank) {
      return p.rank < q.rank ? -1 : 1;
    }
    if (p.l != q.l) {
      return p.l < q.l ? -1 : 1;
    }
    if (p.r != q.r) {
      return p.r < q.r ? -1 : 1;
    }
    return Integer.compare(p.k, q.k);
  }

  private int askWithQuals(
      int n, boolean missA, boolean missB, double[] points, double[] improvements, int[] hints) {
    PriorityQueue<Qual> quals = new PriorityQueue<>(Learner1DCore::compareQuals);
    int nmb = (missA ? 1 : 0) + (missB ? 1 : 0);
    if (nmb > 0) {
      double min = INF;
      double max = Double.NEGATIVE_INFINITY;
      int maxId = NONE;
      for (int id = 0; id < ids; id++) {
        if ((flags[id] & (DATA | PENDING)) != 0) {
          double x = pt[ps * id];
          min = Math.min(min, x);
          if (x > max) {
            max = x;
            maxId = id;
          }
        }
      }
      if (missA) {
        quals.add(new Qual(a, min, 1, INF, qualRank(a, min, 1, INF), NONE));
      }
      if (missB) {
        quals.add(new Qual(max, b, 1, INF, qualRank(max, b, 1, INF), maxId));
      }
    }
    LossHeap.Cursor cursor = lossCombined.new Cursor();
    for (int it = 0; it < n - nmb; it++) {
      Qual q = quals.peek();
      int iv = cursor.hasNext() ? cursor.peekId() : NONE;
      boolean takeInterval;
      if (q == null) {
        takeInterval = true;
      } else if (iv == NONE) {
        takeInterval = false;
      } else {
        double l = pt[ps * iv];
        double r = lossCombined.right(iv);
        double fi = -rank(l, r, lossCombined.loss(iv));
        double fq = -q.rank;
        if (fi != fq) {
          takeInterval = fi > fq;
        } else if (l != q.l) {
          takeInterval = l > q.l;
        } else if (r != q.r) {
          takeInterval = r > q.r;
        } else {
          takeInterval = false;
        }
      }
      if (takeInterval) {
        cursor.next();
        double l = pt[ps * iv];
        double r = lossCombined.right(iv);
        double v = lossCombined.loss(iv) / 2;
        quals.add(new Qual(l, r, 2, v, qualRank(l, r, 2, v), iv));
      } else {
        quals.poll();
        double v = q.loss * q.k / (q.k + 1);
        quals.add(new Qual(q.l, q.r, q.k + 1, v, qualRank(q.l, q.r, q.k + 1, v), q.leftId));
      }
    }
    Qual[] sorted = quals.toArray(new Qual[0]);
    Arrays.sort(sorted, Learner1DCore::compareQuals);
    int count = 0;
    if (missA) {
      points[count] = a;
      improvements[count] = INF;
      hints[count++] = NONE;
    }
    if (missB) {
      points[count] = b;
      improvements[count] = INF;
      hints[count++] = NONE;
    }
    for (Qual q : sorted) {
      double step = (q.r - q.l) / q.k;
      for (int j = 1; j < q.k; j++) {
        points[count] = q.l + step * j;
        improvements[count] = q.loss;
        hints[count++] = j == 1 ? q.leftId : HINT_PREVIOUS;
      }
    }
    return count;
  }

  // ---------------------------------------------------------------- loss, removeUnfinished (§3.8)

  double loss(boolean isReal) {
    flushPending();
    if (boundMissing(idA) || boundMissing(idB)) {
      return INF;
    }
    if (isReal) {
      syncReal();
    }
    LossHeap map = isReal ? lossReal : lossCombined;
    return map.size() == 0 ? INF : map.loss(map.first());
  }

  void removeUnfinished() {
    flushPending();
    for (int id = 0; id < ids; id++) {
      byte f = flags[id];
      if ((f & PENDING) != 0) {
        f &= ~PENDING;
        if ((f & REAL) == 0) {
          f &= ~COMBINED;
        }
        flags[id] = f;
      }
    }
    nPending = 0;
    combined.copyFrom(real, ids);
    syncReal();
    lossCombined.copyFrom(lossReal);
  }

  // ---------------------------------------------------------------- bulk path (§3.9)

  /** {@code ys} holds {@code vdim} values per point, flattened. */
  void tellMany(double[] xs, double[] ys, boolean force) {
    flushPending();
    int count = xs.length;
    if (ys.length != count * vdim) {
      throw new IllegalArgumentException(
          count + " points but " + ys.length + " values for value length " + vdim);
    }
    if (!force && !(count > 0.5 * nData && count > 2)) {
      for (int i = 0; i < count; i++) {
        tell(xs[i], ys, i * vdim);
      }
      return;
    }
    // Every known point, so that a point told twice keeps its first value.
    PointIds known = new PointIds(ids + count);
    for (int id = 0; id < ids; id++) {
      // (points outside keep their id in `outside` even when forgotten, so they all go in)
      if ((flags[id] & (DATA | PENDING | COMBINED)) != 0
          || id == idA
          || id == idB
          || !inBounds(pt[ps * id])) {
        known.getOrPut(pt[ps * id], id);
      }
    }
    for (int i = 0; i < count; i++) {
      double x = xs[i];
      int id = known.getOrPut(x, ids);
      if (id == ids) {
        id = inBounds(x) ? newId(x) : outsideId(x);
      }
      byte f = flags[id];
      if ((f & DATA) == 0) {
        storeData(id, ys, i * vdim);
        if ((f & PENDING) != 0) {
          nPending--;
        }
        flags[id] = (byte) ((f | DATA) & ~PENDING);
      }
    }
    rebuild();
  }

  private void rebuild() {
    // Sort the in-bounds ids of data and of data ∪ pending by x.
    int[] realIds = new int[ids];
    int[] combinedIds = new int[ids];
    int nr = 0;
    int nc = 0;
    for (int id = 0; id < ids; id++) {
      byte f = (byte) (flags[id] & ~(REAL | COMBINED));
      if ((f & (DATA | PENDING)) != 0 && inBounds(pt[ps * id])) {
        f |= COMBINED;
        combinedIds[nc++] = id;
        if ((f & DATA) != 0) {
          f |= REAL;
          realIds[nr++] = id;
        }
      }
      flags[id] = f;
    }
    sortByX(realIds, nr);
    sortByX(combinedIds, nc);
    real.rebuild(realIds, nr);
    combined.rebuild(combinedIds, nc);

    Arrays.fill(yMin, INF);
    Arrays.fill(yMax, Double.NEGATIVE_INFINITY);
    yScale = 0;
    for (int i = 0; i < nr; i++) {
      updateScale(realIds[i]);
    }
    oldYScale = yScale;

    lossCombined.clear();
    realStale = true;
    nDirty = 0;
    for (int i = 0; i + 1 < nr; i++) {
      int l = realIds[i];
      int r = realIds[i + 1];
      realLoss[l] = intervalLoss(l, r);
    }
    for (int i = 0; i + 1 < nc; i++) {
      int p = combinedIds[i];
      int q = combinedIds[i + 1];
      boolean realInterval = (flags[p] & REAL) != 0 && (flags[q] & REAL) != 0;
      setCombined(p, q, realInterval ? realLoss[p] : INF);
    }
    for (int i = 0; i + 1 < nr; i++) {
      int l = realIds[i];
      int r = realIds[i + 1];
      if (combined.next(l) != r) {
        recompute(l, r);
      }
    }
  }

  private void sortByX(int[] idArray, int n) {
    // x identifies its id among these, so sort the xs and look the ids up again.
    PointIds byX = new PointIds(n);
    double[] xs = new double[n];
    for (int i = 0; i < n; i++) {
      xs[i] = pt[ps * idArray[i]];
      byX.getOrPut(xs[i], idArray[i]);
    }
    Arrays.sort(xs);
    for (int i = 0; i < n; i++) {
      idArray[i] = byX.get(xs[i]);
    }
  }

  // ---------------------------------------------------------------- export

  interface DataSink {
    void accept(double x, double[] y, int off);
  }

  void forEachData(DataSink sink) {
    for (int i = 0; i < nData; i++) {
      int id = order[i];
      sink.accept(pt[ps * id], pt, ps * id + 1);
    }
  }

  /** The scalar value of the i-th told point (vdim 1). */
  double dataX(int i) {
    return pt[ps * order[i]];
  }

  double dataY(int i) {
    return pt[ps * order[i] + 1];
  }
}

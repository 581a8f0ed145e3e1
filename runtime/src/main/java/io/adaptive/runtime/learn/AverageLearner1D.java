/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

import io.adaptive.plan.Loss1D;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.eclipse.collections.impl.set.mutable.primitive.LongHashSet;

/**
 * Learns a noisy function {@code f(seed, x)} on an interval: a {@link Learner1D}-style learner on
 * the running means, which also decides, point by point, whether to take one more sample at an
 * existing {@code x} (to shrink its confidence interval) or to add a new {@code x}.
 *
 * <p>Reimplements {@code AverageLearner1D} of python-adaptive v1.5.2 (see NOTICE) point for point:
 * learners.md section 7 is the specification. The interval loss is any {@link Loss1D}, by default
 * the scaled length of each interval in the x–mean plane. Points are {@link SeedX} pairs; the
 * function must return an independent sample for each seed.
 *
 * <ul>
 *   <li>A new {@code x} is sampled at least {@link Settings#minSamples()} times, and until it has
 *       more than {@link Settings#neighborSampling()} times the mean sample count of its
 *       neighbours.
 *   <li>Then an {@code x} is resampled while its confidence half-width {@link #error(double)},
 *       divided by the distance to its nearest neighbour in the x–mean plane, exceeds {@link
 *       Settings#delta()}.
 *   <li>Otherwise the interval with the largest loss is split in two, as {@code Learner1D} does.
 * </ul>
 *
 * <p>{@link #npoints()} counts distinct {@code x}; {@link #nsamples()} counts samples. Not
 * thread-safe, like every {@link Learner}.
 */
public final class AverageLearner1D implements Learner<AverageLearner1D.SeedX, Double> {

  /**
   * A point of an {@link AverageLearner1D}: sample number {@code seed} of the function at {@code
   * x}. Equal when both components are equal, {@code x} bit for bit.
   *
   * @param seed which sample; the function should return independent samples for different seeds
   * @param x where, in the function's domain
   */
  public record SeedX(long seed, double x) {}

  /**
   * What the learner knows at one {@code x}.
   *
   * @param x the point
   * @param mean the mean of its samples
   * @param samples how many samples were told at {@code x}
   * @param error the half-width of the mean's confidence interval, {@code t_{1−alpha, n−1} ·
   *     s/sqrt(n)}; infinite with a single sample (and for an {@code x} outside the bounds)
   */
  public record Estimate(double x, double mean, long samples, double error) {}

  /**
   * The learner's parameters (learners.md section 7); {@link #defaults()} holds python-adaptive's
   * defaults, and each {@code withX} returns a changed copy.
   *
   * @param delta resample an {@code x} while its error exceeds {@code delta} times the distance to
   *     its nearest neighbour (in the x–mean plane); {@code 0 < delta ≤ 1}, default 0.2
   * @param alpha the mean lies within {@code ± error} with probability {@code 1 − 2·alpha}; {@code
   *     0 < alpha ≤ 1}, default 0.005
   * @param neighborSampling a new {@code x} is sampled until it has more than this fraction of its
   *     neighbours' mean sample count; {@code 0 < neighborSampling ≤ 1}, default 0.3
   * @param minSamples samples every {@code x} gets at least; {@code ≥ 0}, default 50
   * @param maxSamples an {@code x} with this many samples is no longer resampled; {@code ≥
   *     minSamples}, default {@link Long#MAX_VALUE}
   * @param minError an {@code x} whose error is at most this is no longer resampled; default 0
   */
  public record Settings(
      double delta,
      double alpha,
      double neighborSampling,
      long minSamples,
      long maxSamples,
      double minError) {

    /**
     * Checks the ranges above.
     *
     * @throws IllegalArgumentException naming the first parameter out of range
     */
    public Settings {
      if (!(delta > 0 && delta <= 1)) {
        throw new IllegalArgumentException("delta must be in (0, 1], got '" + delta + "'");
      }
      if (!(alpha > 0 && alpha <= 1)) {
        throw new IllegalArgumentException("alpha must be in (0, 1], got '" + alpha + "'");
      }
      if (!(neighborSampling > 0 && neighborSampling <= 1)) {
        throw new IllegalArgumentException(
            "neighborSampling must be in (0, 1], got '" + neighborSampling + "'");
      }
      if (minSamples < 0) {
        throw new IllegalArgumentException(
            "minSamples must not be negative, got '" + minSamples + "'");
      }
      if (minSamples > maxSamples) {
        throw new IllegalArgumentException(
            "maxSamples must be at least minSamples, got maxSamples '"
                + maxSamples
                + "' and minSamples '"
                + minSamples
                + "'");
      }
      if (Double.isNaN(minError)) {
        throw new IllegalArgumentException("minError must be a number, got 'NaN'");
      }
    }

    /** delta 0.2, alpha 0.005, neighborSampling 0.3, minSamples 50, no maxSamples, minError 0. */
    public static Settings defaults() {
      return new Settings(0.2, 0.005, 0.3, 50, Long.MAX_VALUE, 0);
    }

    /** A copy with this {@link #delta()}. */
    public Settings withDelta(double delta) {
      return new Settings(delta, alpha, neighborSampling, minSamples, maxSamples, minError);
    }

    /** A copy with this {@link #alpha()}. */
    public Settings withAlpha(double alpha) {
      return new Settings(delta, alpha, neighborSampling, minSamples, maxSamples, minError);
    }

    /** A copy with this {@link #neighborSampling()}. */
    public Settings withNeighborSampling(double neighborSampling) {
      return new Settings(delta, alpha, neighborSampling, minSamples, maxSamples, minError);
    }

    /** A copy with this {@link #minSamples()}. */
    public Settings withMinSamples(long minSamples) {
      return new Settings(delta, alpha, neighborSampling, minSamples, maxSamples, minError);
    }

    /** A copy with this {@link #maxSamples()}. */
    public Settings withMaxSamples(long maxSamples) {
      return new Settings(delta, alpha, neighborSampling, minSamples, maxSamples, minError);
    }

    /** A copy with this {@link #minError()}. */
    public Settings withMinError(double minError) {
      return new Settings(delta, alpha, neighborSampling, minSamples, maxSamples, minError);
    }
  }

  private static final Codec<SeedX> POINT_CODEC =
      new Codec<>() {
        @Override
        public void write(SeedX value, DataOutput out) throws IOException {
          out.writeLong(value.seed());
          out.writeDouble(value.x());
        }

        @Override
        public SeedX read(DataInput in) throws IOException {
          long seed = in.readLong();
          return new SeedX(seed, in.readDouble());
        }

        @Override
        public List<String> columns() {
          return List.of("seed", "x");
        }

        @Override
        public void appendCsv(SeedX value, StringBuilder row) {
          row.append(value.seed()).append(',').append(value.x());
        }
      };

  private static final DataCodec<SeedX, Double> CODEC =
      new DataCodec<>("average1D", POINT_CODEC, Codecs.doubles("y"));

  private static final double INF = Double.POSITIVE_INFINITY;

  private final double a;
  private final double b;
  private final Settings settings;
  private final double xScale;
  private final double dxEps;

  /** The interval loss; null for the default loss, computed here with a correctly rounded hypot. */
  private final IntervalLoss intervalLoss;

  private final int nth;
  private final double[] windowXs;
  private final double[] windowYs;

  /** data: every told x, in first-tell order. */
  private final LinkedHashMap<Double, Site> sites = new LinkedHashMap<>();

  /** The evaluated x within the bounds. */
  private final TreeMap<Double, Site> real = new TreeMap<>();

  /** real and the pending x within the bounds. */
  private TreeSet<Double> combined = new TreeSet<>();

  private final AverageLearner1DIntervals lossReal;
  private final AverageLearner1DIntervals lossCombined;
  private final LinkedHashSet<Site> undersampled = new LinkedHashSet<>();
  private final TreeSet<Site> rescaledError = new TreeSet<>(RESCALED_ORDER);
  private long rescaledClock;

  /** Pending seeds by x. */
  private final HashMap<Double, LongHashSet> pending = new HashMap<>();

  private double yMin = INF;
  private double yMax = -INF;
  private double yScale;
  private double oldYScale;
  private long nsamples;
  private double[] quantiles = new double[0];

  /** Every sample in the order it was told: what {@link #forEachData} exports. */
  private long[] logSeeds = new long[256];

  private double[] logXs = new double[256];
  private double[] logYs = new double[256];
  private int logSize;

  /**
   * A learner on {@code [a, b]} with the given settings and interval loss.
   *
   * @param a the lower bound, finite
   * @param b the upper bound, finite and greater than {@code a}
   * @param loss the loss of one interval, computed on the means (learners.md 3.3)
   * @throws IllegalArgumentException if the bounds are not finite or not increasing
   * @throws NullPointerException if {@code settings} or {@code loss} is null
   */
  public AverageLearner1D(double a, double b, Settings settings, Loss1D loss) {
    if (!(Double.isFinite(a) && Double.isFinite(b) && a < b)) {
      throw new IllegalArgumentException(
          "the bounds must be finite and increasing, got '" + a + "' and '" + b + "'");
    }
    this.a = a;
    this.b = b;
    this.settings = Objects.requireNonNull(settings, "settings");
    this.xScale = b - a;
    this.dxEps = 2 * Math.max(Math.abs(a), Math.abs(b)) * Math.ulp(1.0);
    this.lossReal = new AverageLearner1DIntervals(xScale);
    this.lossCombined = new AverageLearner1DIntervals(xScale);
    this.intervalLoss =
        Objects.requireNonNull(loss, "loss") instanceof Loss1D.Default
            ? null
            : IntervalLosses.of(loss);
    this.nth = intervalLoss == null ? 0 : intervalLoss.nth();
    this.windowXs = new double[2 + 2 * nth];
    this.windowYs = new double[2 + 2 * nth];
  }

  /** A learner on {@code [a, b]} with the given settings and the default loss. */
  public AverageLearner1D(double a, double b, Settings settings) {
    this(a, b, settings, new Loss1D.Default());
  }

  /** A learner on {@code [a, b]} with {@link Settings#defaults()} and the default loss. */
  public AverageLearner1D(double a, double b) {
    this(a, b, Settings.defaults());
  }

  // ---------------------------------------------------------------------------------------------
  // Learner

  /**
   * Returns {@code n} points: either {@code n} more samples of one existing {@code x} (its smallest
   * unused seeds), or seeds {@code 0 … n−1} of one new {@code x}. Learners.md section 7 gives the
   * rule and the expected improvements.
   *
   * @throws IllegalArgumentException if {@code n} is negative
   */
  @Override
  public Asked<SeedX> ask(int n, boolean tellPending) {
    if (n <= 0) {
      if (n < 0) {
        throw new IllegalArgumentException("n must not be negative, got '" + n + "'");
      }
      return Asked.none();
    }
    Site resample = null;
    if (!undersampled.isEmpty()) {
      resample = undersampled.iterator().next();
    } else if (sites.size() > 1
        && !rescaledError.isEmpty()
        && rescaledError.first().rescaled > settings.delta()) {
      resample = rescaledError.first();
    }
    List<SeedX> points = new ArrayList<>(n);
    double improvement;
    if (resample != null) {
      improvement = resampleImprovement(resample, n);
      LongHashSet pendingHere = pending.get(resample.x);
      for (long seed = resample.firstFreeSeed(); points.size() < n; seed++) {
        if (!resample.seeds.contains(seed)
            && (pendingHere == null || !pendingHere.contains(seed))) {
          points.add(new SeedX(seed, resample.x));
        }
      }
    } else {
      double[] chosen = newPoint();
      improvement = chosen[1];
      for (int seed = 0; seed < n; seed++) {
        points.add(new SeedX(seed, chosen[0]));
      }
    }
    if (tellPending) {
      for (SeedX p : points) {
        tellPending(p);
      }
    }
    return new Asked<>(points, Collections.nCopies(n, improvement / n));
  }

  /**
   * Records sample {@code y} at {@code point}; ignored if that seed was told at that {@code x}
   * already. An {@code x} outside the bounds is stored and counted, and otherwise ignored.
   *
   * @throws NullPointerException if {@code point} or {@code y} is null
   */
  @Override
  public void tell(SeedX point, Double y) {
    Objects.requireNonNull(point, "point");
    Objects.requireNonNull(y, "y");
    double x = point.x();
    long seed = point.seed();
    Site site = sites.get(x);
    if (site == null) {
      tellNew(seed, x, y);
    } else if (!site.seeds.contains(seed)) {
      tellResampled(site, seed, y);
    }
    LongHashSet seeds = pending.get(x);
    if (seeds != null && seeds.remove(seed) && seeds.isEmpty()) {
      pending.remove(x);
    }
  }

  /**
   * Marks {@code point} as being evaluated; a new {@code x} within the bounds then splits its
   * interval's expected loss, as in {@code Learner1D}. Ignored if the point has a value already.
   */
  @Override
  public void tellPending(SeedX point) {
    double x = Objects.requireNonNull(point, "point").x();
    Site site = sites.get(x);
    if (site != null && site.seeds.contains(point.seed())) {
      return;
    }
    pending.computeIfAbsent(x, k -> new LongHashSet()).add(point.seed());
    if (site == null && x >= a && x <= b) {
      combined.add(x);
      updateLosses(x, false);
    }
  }

  /**
   * The largest interval loss on the means (learners.md 3.8): infinite while a bound has no sample.
   *
   * @param real true for the evaluated points only, false to include the expected effect of pending
   *     new points
   */
  @Override
  public double loss(boolean real) {
    if (!sites.containsKey(a) || !sites.containsKey(b)) {
      return INF;
    }
    AverageLearner1DIntervals losses = real ? lossReal : lossCombined;
    return losses.isEmpty() ? INF : losses.first().loss;
  }

  /** The number of distinct {@code x} told, including any outside the bounds. */
  @Override
  public long npoints() {
    return sites.size();
  }

  @Override
  public void removeUnfinished() {
    pending.clear();
    combined = new TreeSet<>(real.keySet());
    lossCombined.copyFrom(lossReal);
  }

  /** Calls {@code sink} with every sample, in the order they were told. */
  @Override
  public void forEachData(BiConsumer<? super SeedX, ? super Double> sink) {
    for (int i = 0; i < logSize; i++) {
      sink.accept(new SeedX(logSeeds[i], logXs[i]), logYs[i]);
    }
  }

  /**
   * Tells every sample in order. Unlike the reference's bulk import, which averages each {@code
   * x}'s samples at once, this replays them one by one, so a learner rebuilt from its own {@link
   * #forEachData export} is identical to the exporting one, and asks for the same points next.
   *
   * @throws IllegalArgumentException if the lists differ in length
   */
  @Override
  public void load(List<SeedX> points, List<Double> values) {
    Learner.super.load(points, values);
  }

  /** Kind {@code average1D}, columns {@code seed, x, y}. */
  @Override
  public DataCodec<SeedX, Double> codec() {
    return CODEC;
  }

  // ---------------------------------------------------------------------------------------------
  // Estimates

  /** The total number of samples at the {@code x} within the bounds. */
  public long nsamples() {
    return nsamples;
  }

  /** The mean of the samples at {@code x}; NaN if {@code x} has none. */
  public double mean(double x) {
    Site site = sites.get(x);
    return site == null ? Double.NaN : site.mean;
  }

  /** The confidence half-width at {@code x} (see {@link Estimate#error()}); NaN if no samples. */
  public double error(double x) {
    Site site = sites.get(x);
    return site == null ? Double.NaN : site.error;
  }

  /** What is known at every told {@code x}, in ascending {@code x}. */
  public List<Estimate> estimates() {
    List<Estimate> all = new ArrayList<>(sites.size());
    for (Site s : sites.values()) {
      all.add(new Estimate(s.x, s.mean, s.seeds.size(), s.error));
    }
    all.sort(Comparator.comparingDouble(Estimate::x));
    return all;
  }

  /** The lower bound. */
  public double a() {
    return a;
  }

  /** The upper bound. */
  public double b() {
    return b;
  }

  /** The parameters. */
  public Settings settings() {
    return settings;
  }

  // ---------------------------------------------------------------------------------------------
  // ask

  /** Learner1D's choice for one point, without registering it: {x, improvement}. */
  private double[] newPoint() {
    if (!sites.containsKey(a)) {
      return new double[] {a, INF};
    }
    if (!sites.containsKey(b)) {
      return new double[] {b, INF};
    }
    // Both bounds are known, so lossCombined holds at least (a, …).
    AverageLearner1DIntervals.Entry best = lossCombined.first();
    double step = (best.r - best.l) / 2;
    return new double[] {best.l + step, best.loss / 2};
  }

  private double resampleImprovement(Site site, int n) {
    double x = site.x;
    Double pl = combined.lower(x);
    Double pr = combined.higher(x);
    double left = pl == null ? INF : lossCombined.get(pl, x, INF);
    double right = pr == null ? INF : lossCombined.get(x, pr, INF);
    double loss = (left + right) / 2;
    if (Double.isInfinite(loss)) {
      return INF;
    }
    long m = site.seeds.size();
    return loss - ((loss * Math.sqrt(m)) / Math.sqrt(m + n));
  }

  // ---------------------------------------------------------------------------------------------
  // tell

  private void tellNew(long seed, double x, double y) {
    boolean inBounds = x >= a && x <= b;
    Site site = new Site(x);
    site.mean = y;
    site.addSample(seed, y);
    sites.put(x, site);
    log(seed, x, y);
    if (!inBounds) {
      return;
    }
    combined.add(x);
    real.put(x, site);
    updateScale(y);
    updateLosses(x, true);
    applyDoublingRule();

    nsamples++;
    undersampled.add(site);
    site.error = INF;
    setRescaled(site, INF);
    updateDistances(site);
    updateRescaledErrors(site, false);
  }

  private void tellResampled(Site site, long seed, double y) {
    double k = site.seeds.size();
    site.mean = ((site.mean * k) / (k + 1)) + (y / (k + 1));
    site.addSample(seed, y);
    log(seed, site.x, y);
    if (!real.containsKey(site.x)) {
      return; // outside the bounds: stored, nothing else
    }
    nsamples++;
    int n = site.seeds.size();
    if (n >= settings.minSamples() && undersampled.contains(site)) {
      Site left = lowerSite(site.x);
      Site right = higherSite(site.x);
      double neighbours;
      if (left != null && right != null) {
        neighbours = ((double) left.seeds.size() + right.seeds.size()) / 2;
      } else if (left != null) {
        neighbours = left.seeds.size();
      } else if (right != null) {
        neighbours = right.seeds.size();
      } else {
        neighbours = 0;
      }
      if (n > settings.neighborSampling() * neighbours) {
        undersampled.remove(site);
      }
    }
    site.error = errorInMean(site);
    updateDistances(site);
    updateRescaledErrors(site, true);
    if (site.error <= settings.minError() || n >= settings.maxSamples()) {
      removeRescaled(site);
    }
    updateScale(y);
    updateLossesResampled(site.x);
    applyDoublingRule();
  }

  private void log(long seed, double x, double y) {
    if (logSize == logSeeds.length) {
      logSeeds = Arrays.copyOf(logSeeds, logSize * 2);
      logXs = Arrays.copyOf(logXs, logSize * 2);
      logYs = Arrays.copyOf(logYs, logSize * 2);
    }
    logSeeds[logSize] = seed;
    logXs[logSize] = x;
    logYs[logSize] = y;
    logSize++;
  }

  /** t_{1−alpha, n−1} · sqrt(Σ(y − mean)² / (n−1) / n), the sum in sample order. */
  private double errorInMean(Site site) {
    int n = site.seeds.size();
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double d = site.ys[i] - site.mean;
      sum += d * d;
    }
    double varianceOfMean = sum / (n - 1);
    return quantile(n - 1) * Math.sqrt(varianceOfMean / n);
  }

  private double quantile(int df) {
    if (df >= quantiles.length) {
      int old = quantiles.length;
      quantiles = Arrays.copyOf(quantiles, Math.max(64, Math.max(df + 1, old * 2)));
      Arrays.fill(quantiles, old, quantiles.length, Double.NaN);
    }
    double t = quantiles[df];
    if (Double.isNaN(t)) {
      t = StudentT.quantile(1 - settings.alpha(), df);
      quantiles[df] = t;
    }
    return t;
  }

  private void updateScale(double y) {
    yMin = y < yMin ? y : yMin; // Python's min/max: the first argument wins unless beaten
    yMax = y > yMax ? y : yMax;
    yScale = yMax - yMin;
  }

  /** Learner1D 3.5 step 8: recompute every real interval when the y scale has doubled. */
  private void applyDoublingRule() {
    if (yScale > 2 * oldYScale) {
      for (AverageLearner1DIntervals.Interval iv : lossReal.intervals()) {
        recompute(iv.l(), iv.r());
      }
      oldYScale = yScale;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Learner1D on the means (learners.md 3.3–3.6)

  private double intervalLoss(double l, double r) {
    if (r - l < dxEps) {
      return 0;
    }
    double s = yScale != 0 ? yScale : 1;
    if (intervalLoss == null) {
      double dx = r / xScale - l / xScale;
      double dy = real.get(r).mean / s - real.get(l).mean / s;
      return hypot(dx, dy);
    }
    // The window of 2 + 2·nth real points around (l, r); [from, to) of it exist.
    windowXs[nth] = l / xScale;
    windowYs[nth] = real.get(l).mean / s;
    windowXs[nth + 1] = r / xScale;
    windowYs[nth + 1] = real.get(r).mean / s;
    int from = nth;
    Map.Entry<Double, Site> e = real.lowerEntry(l);
    for (int j = nth - 1; j >= 0 && e != null; j--, e = real.lowerEntry(e.getKey())) {
      windowXs[j] = e.getKey() / xScale;
      windowYs[j] = e.getValue().mean / s;
      from = j;
    }
    int to = nth + 2;
    e = real.higherEntry(r);
    for (int j = nth + 2; j < windowXs.length && e != null; j++, e = real.higherEntry(e.getKey())) {
      windowXs[j] = e.getKey() / xScale;
      windowYs[j] = e.getValue().mean / s;
      to = j + 1;
    }
    return intervalLoss.loss(windowXs, windowYs, 1, from, to);
  }

  /**
   * Recomputes the {@code 2 + 2·nth} real intervals around x (3.6 step 2): those between the real
   * points from {@code nth + 1} places left of x to {@code nth + 1} places right of it.
   */
  private void recomputeAround(double x) {
    double start = x;
    for (int j = 0; j <= nth; j++) {
      Double lower = real.lowerKey(start);
      if (lower == null) {
        break;
      }
      start = lower;
    }
    double end = x;
    for (int j = 0; j <= nth; j++) {
      Double higher = real.higherKey(end);
      if (higher == null) {
        break;
      }
      end = higher;
    }
    for (double p = start; p != end; ) {
      double q = real.higherKey(p);
      recompute(p, q);
      p = q;
    }
  }

  /** Learner1D 3.4: the real interval's loss, shared out over the combined intervals inside. */
  private void recompute(double l, double r) {
    double loss = intervalLoss(l, r);
    lossReal.put(l, r, loss);
    double width = r - l;
    double p = l;
    while (p != r) {
      double q = combined.higher(p);
      lossCombined.put(p, q, ((q - p) * loss) / width);
      p = q;
    }
  }

  /** Learner1D 3.6. */
  private void updateLosses(double x, boolean isReal) {
    Double xl = real.lowerKey(x);
    Double xr = real.higherKey(x);
    Double pa = combined.lower(x);
    Double pb = combined.higher(x);
    if (pa != null && pb != null) {
      lossCombined.remove(pa, pb);
    }
    if (isReal) {
      recomputeAround(x);
      if (xl != null && xr != null) {
        lossReal.remove(xl, xr);
        lossCombined.remove(xl, xr);
      }
    } else if (xl != null && xr != null) {
      double loss = lossReal.get(xl, xr, Double.NaN);
      double width = xr - xl;
      lossCombined.put(pa, x, ((x - pa) * loss) / width);
      lossCombined.put(x, pb, ((pb - x) * loss) / width);
    }
    if (pa != null && (xl == null || (!isReal && xr == null))) {
      lossCombined.put(pa, x, INF);
    }
    if (pb != null && (xr == null || (!isReal && xl == null))) {
      lossCombined.put(x, pb, INF);
    }
  }

  /** Section 7, tell step 6: like {@link #updateLosses} for a real x, removing nothing. */
  private void updateLossesResampled(double x) {
    Double xl = real.lowerKey(x);
    Double xr = real.higherKey(x);
    Double pa = combined.lower(x);
    Double pb = combined.higher(x);
    recomputeAround(x);
    if (pa != null && xl == null) {
      lossCombined.put(pa, x, INF);
    }
    if (pb != null && xr == null) {
      lossCombined.put(x, pb, INF);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Distances and rescaled errors (section 7)

  private void updateDistances(Site site) {
    Site left = lowerSite(site.x);
    Site right = higherSite(site.x);
    if (left != null) {
      left.dist = hypot(site.x - left.x, site.mean - left.mean);
    }
    if (right != null) {
      site.dist = hypot(right.x - site.x, right.mean - site.mean);
    }
  }

  private void updateRescaledErrors(Site site, boolean resampled) {
    Site left = lowerSite(site.x);
    Site right = higherSite(site.x);
    if (left == null && right == null) {
      return;
    }
    double dLeft;
    if (left == null) {
      dLeft = site.dist;
    } else {
      dLeft = left.dist;
      if (left.inRescaled) {
        Site leftLeft = lowerSite(left.x);
        double norm = leftLeft == null ? left.dist : pyMin(leftLeft.dist, left.dist);
        setRescaled(left, left.error / norm);
      }
    }
    double dRight;
    if (right == null) {
      dRight = left.dist;
    } else {
      dRight = site.dist;
      if (right.inRescaled) {
        Site rightRight = higherSite(right.x);
        double norm = rightRight == null ? site.dist : pyMin(site.dist, right.dist);
        setRescaled(right, right.error / norm);
      }
    }
    if (resampled) {
      setRescaled(site, site.error / pyMin(dLeft, dRight));
    }
  }

  private void setRescaled(Site site, double value) {
    if (site.inRescaled) {
      rescaledError.remove(site);
    }
    site.rescaled = value;
    site.rescaledStamp = ++rescaledClock;
    site.inRescaled = true;
    rescaledError.add(site);
  }

  private void removeRescaled(Site site) {
    if (site.inRescaled) {
      rescaledError.remove(site);
      site.inRescaled = false;
    }
  }

  /**
   * Largest value first; equal values in the order they were set (the reference's sorted dict
   * inserts after equal keys). NaN, which the reference cannot order, goes first.
   */
  private static final Comparator<Site> RESCALED_ORDER =
      (p, q) -> {
        if (p.rescaled > q.rescaled) {
          return -1;
        }
        if (p.rescaled < q.rescaled) {
          return 1;
        }
        if (p.rescaled != q.rescaled) {
          int c = Boolean.compare(Double.isNaN(q.rescaled), Double.isNaN(p.rescaled));
          if (c != 0) {
            return c;
          }
        }
        return Long.compare(p.rescaledStamp, q.rescaledStamp);
      };

  private Site lowerSite(double x) {
    Map.Entry<Double, Site> e = real.lowerEntry(x);
    return e == null ? null : e.getValue();
  }

  private Site higherSite(double x) {
    Map.Entry<Double, Site> e = real.higherEntry(x);
    return e == null ? null : e.getValue();
  }

  private static double pyMin(double first, double second) {
    return second < first ? second : first;
  }

  /**
   * sqrt(x² + y²), correctly rounded in all but rare cases, as the C library's hypot (which the
   * reference used for losses) and Python's math.hypot (distances) are; Math.hypot differs from
   * them by an ulp in about 12% of cases. The corrected fused algorithm of C. F. Borges, "An
   * improved algorithm for hypot(a, b)", 2019.
   */
  static double hypot(double x, double y) {
    x = Math.abs(x);
    y = Math.abs(y);
    if (Double.isInfinite(x) || Double.isInfinite(y)) {
      return INF;
    }
    if (Double.isNaN(x) || Double.isNaN(y)) {
      return Double.NaN;
    }
    if (x < y) {
      double t = x;
      x = y;
      y = t;
    }
    if (y == 0) {
      return x;
    }
    double scale = 1;
    if (x > 0x1p500) {
      x *= 0x1p-600;
      y *= 0x1p-600;
      scale = 0x1p600;
    } else if (x < 0x1p-500) {
      x *= 0x1p600;
      y *= 0x1p600;
      scale = 0x1p-600;
    }
    double h = Math.sqrt(Math.fma(x, x, y * y));
    double hSquared = h * h;
    double xSquared = x * x;
    double delta =
        Math.fma(-y, y, hSquared - xSquared)
            + Math.fma(h, h, -hSquared)
            - Math.fma(x, x, -xSquared);
    h -= delta / (2 * h);
    return h * scale;
  }

  // ---------------------------------------------------------------------------------------------

  /** Everything known at one x. */
  private static final class Site {
    final double x;
    double mean;
    final LongHashSet seeds = new LongHashSet();
    double[] ys = new double[8];
    double error = INF;

    /** hypot to the right real neighbour, in the x–mean plane; NaN until there is one. */
    double dist = Double.NaN;

    double rescaled;
    long rescaledStamp;
    boolean inRescaled;
    private long firstFree;

    Site(double x) {
      this.x = x;
    }

    void addSample(long seed, double y) {
      int n = seeds.size();
      if (n == ys.length) {
        ys = Arrays.copyOf(ys, n * 2);
      }
      ys[n] = y;
      seeds.add(seed);
    }

    /** The smallest seed such that every smaller non-negative seed has been told. */
    long firstFreeSeed() {
      while (seeds.contains(firstFree)) {
        firstFree++;
      }
      return firstFree;
    }
  }
}

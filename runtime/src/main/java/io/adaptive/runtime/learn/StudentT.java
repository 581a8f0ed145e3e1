/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

/**
 * The quantile function of Student's t distribution, for {@link AverageLearner1D}'s confidence
 * intervals.
 *
 * <p>The upper tail is {@code Q(t) = I_x(ν/2, 1/2) / 2} with {@code x = ν/(ν+t²)}, a regularized
 * incomplete beta function evaluated by its continued fraction (modified Lentz), and the quantile
 * is found by safeguarded Newton steps on {@code ln Q}. The beta prefactor uses {@code Γ(a+½)/Γ(a)}
 * from its asymptotic series (after shifting {@code a} up by recurrence), so nothing cancels for
 * large {@code ν}. Agrees with scipy's {@code t.ppf} to about 1e-14 relative.
 */
final class StudentT {

  private static final double LOG_PI = Math.log(Math.PI);
  private static final double TINY = 1e-300;
  private static final double EPS = 1e-16;
  private static final int MAX_FRACTION_TERMS = 1_000_000;

  private StudentT() {}

  /**
   * The {@code p}-quantile of Student's t distribution with {@code df} degrees of freedom.
   *
   * @return the quantile; infinite for {@code p} 0 or 1, as scipy's {@code t.ppf}
   * @throws IllegalArgumentException unless {@code 0 ≤ p ≤ 1} and {@code 0 < df < ∞}
   */
  static double quantile(double p, double df) {
    if (!(p >= 0 && p <= 1) || !(df > 0) || df == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException(
          "the t quantile needs 0 <= p <= 1 and 0 < df < inf, got p '"
              + p
              + "' and df '"
              + df
              + "'");
    }
    if (p == 0 || p == 1) {
      return p == 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (p == 0.5) {
      return 0;
    }
    // 1 − p is exact for p ≥ 0.5 (Sterbenz), so the tail is what the caller meant.
    return p < 0.5 ? -upperQuantile(p, df) : upperQuantile(1 - p, df);
  }

  /** The t > 0 with upper tail probability {@code q}, for {@code 0 < q < 0.5}. */
  private static double upperQuantile(double q, double df) {
    double a = df / 2;
    double logRatio = logGammaRatio(a);
    double logQ = Math.log(q);
    double t = initialGuess(q, df);
    double lo = 0;
    double hi = Double.POSITIVE_INFINITY;
    for (int iteration = 0; iteration < 200; iteration++) {
      double tail = upperTail(t, df, a, logRatio);
      if (tail == q) {
        return t;
      }
      if (tail > q) {
        lo = t;
      } else {
        hi = t;
      }
      // Newton on ln Q(t): ln Q is nearly linear in the tails, so this converges quickly.
      double next = t + (Math.log(tail) - logQ) * tail / density(t, df, a, logRatio);
      if (!(next > lo && next < hi)) {
        next = hi == Double.POSITIVE_INFINITY ? 2 * Math.max(t, 1) : lo + (hi - lo) / 2;
      }
      if (Math.abs(next - t) <= 2 * Math.ulp(t)) {
        return next;
      }
      t = next;
    }
    return t;
  }

  /** Q(t) = P(T > t) for t > 0. */
  static double upperTail(double t, double df, double a, double logRatio) {
    double t2 = t * t;
    double x = df / (df + t2);
    double y = t2 / (df + t2);
    // x^a · y^(1/2) / B(a, 1/2), with B(a, 1/2) = sqrt(pi) · Γ(a) / Γ(a + 1/2).
    double logFront = -a * Math.log1p(t2 / df) + 0.5 * Math.log(y) - 0.5 * LOG_PI + logRatio;
    double front = Math.exp(logFront);
    if (x < (a + 1) / (a + 2.5)) {
      return 0.5 * (front / a) * continuedFraction(a, 0.5, x);
    }
    return 0.5 - 0.5 * (front / 0.5) * continuedFraction(0.5, a, y);
  }

  /** The density at t. */
  private static double density(double t, double df, double a, double logRatio) {
    return Math.exp(logRatio - (a + 0.5) * Math.log1p(t * t / df) - 0.5 * Math.log(df * Math.PI));
  }

  /** The continued fraction of I_x(a, b) (without its prefactor), by modified Lentz. */
  private static double continuedFraction(double a, double b, double x) {
    double qab = a + b;
    double qap = a + 1;
    double qam = a - 1;
    double c = 1;
    double d = 1 - qab * x / qap;
    if (Math.abs(d) < TINY) {
      d = TINY;
    }
    d = 1 / d;
    double h = d;
    for (int m = 1; m <= MAX_FRACTION_TERMS; m++) {
      int m2 = 2 * m;
      double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
      d = 1 + aa * d;
      if (Math.abs(d) < TINY) {
        d = TINY;
      }
      c = 1 + aa / c;
      if (Math.abs(c) < TINY) {
        c = TINY;
      }
      d = 1 / d;
      h *= d * c;
      aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
      d = 1 + aa * d;
      if (Math.abs(d) < TINY) {
        d = TINY;
      }
      c = 1 + aa / c;
      if (Math.abs(c) < TINY) {
        c = TINY;
      }
      d = 1 / d;
      double step = d * c;
      h *= step;
      if (Math.abs(step - 1) <= EPS) {
        break;
      }
    }
    return h;
  }

  /** ln(Γ(a + 1/2) / Γ(a)) for a > 0. */
  static double logGammaRatio(double a) {
    // Shift up with Γ(z+1) = z·Γ(z): R(a) = R(a+1) · a / (a + 1/2).
    double product = 1;
    double z = a;
    while (z < 10) {
      product *= z / (z + 0.5);
      z += 1;
    }
    // ln Γ(z) = (z − 1/2) ln z − z + ln(2π)/2 + S(z), so the difference is
    // z·ln(1 + 1/(2z)) + ln(z)/2 − 1/2 + S(z + 1/2) − S(z).
    double asymptotic =
        (z * Math.log1p(0.5 / z) - 0.5)
            + 0.5 * Math.log(z)
            + (stirlingSeries(z + 0.5) - stirlingSeries(z));
    return asymptotic + Math.log(product);
  }

  /** The Stirling series Σ B_2k / (2k(2k−1) z^(2k−1)), seven terms (z ≥ 10). */
  private static double stirlingSeries(double z) {
    double w = 1 / (z * z);
    double sum = 1.0 / 156;
    sum = sum * w - 691.0 / 360360;
    sum = sum * w + 1.0 / 1188;
    sum = sum * w - 1.0 / 1680;
    sum = sum * w + 1.0 / 1260;
    sum = sum * w - 1.0 / 360;
    sum = sum * w + 1.0 / 12;
    return sum / z;
  }

  /** A start for Newton: exact for df 1 and 2, Cornish–Fisher otherwise. */
  private static double initialGuess(double q, double df) {
    if (df == 1) {
      return 1 / Math.tan(Math.PI * q);
    }
    if (df == 2) {
      return (1 - 2 * q) / Math.sqrt(2 * q * (1 - q));
    }
    // Normal quantile (Abramowitz & Stegun 26.2.23, error < 4.5e-4), then two Cornish–Fisher terms.
    double w = Math.sqrt(-2 * Math.log(q));
    double z =
        w
            - (2.515517 + 0.802853 * w + 0.010328 * w * w)
                / (1 + 1.432788 * w + 0.189269 * w * w + 0.001308 * w * w * w);
    double z3 = z * z * z;
    double z5 = z3 * z * z;
    double t = z + (z3 + z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96 * df * df);
    return t > 0 ? t : 1e-3;
  }
}

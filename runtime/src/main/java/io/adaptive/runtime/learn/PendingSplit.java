/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The sub-triangulation of one simplex of {@link LearnerND} by the pending points inside it
 * (learners.md §5): local vertices 0…dim are the simplex's own (in its sorted vertex order), then
 * the pending points in the order they arrived, as in python-adaptive, whose sub-simplex tuples
 * break ties between equal losses. Points are inserted by Bowyer–Watson over the few
 * sub-simplices. Sub-simplices are never removed from the lists, only marked dead, so an index is
 * a stable name for the queue.
 */
final class PendingSplit {

  private final int dim;
  private final int k;
  private double[] coords; // scaled local vertices
  private int nv;
  private int[] verts; // sub-simplex → sorted local vertex indices
  private boolean[] alive;
  private double[] centres;
  private double[] radii;
  private int nsub;
  /** The pending points (unscaled), local vertex dim+1+i for point i. */
  final List<double[]> points = new ArrayList<>(2);

  private final double[] pts;

  PendingSplit(int dim, double[] simplexScaled) {
    this.dim = dim;
    this.k = dim + 1;
    this.coords = Arrays.copyOf(simplexScaled, k * dim * 2);
    this.nv = k;
    this.verts = new int[k * 8];
    this.alive = new boolean[8];
    this.centres = new double[dim * 8];
    this.radii = new double[8];
    this.pts = new double[k * dim];
    int[] all = new int[k];
    for (int i = 0; i < k; i++) {
      all[i] = i;
    }
    add(all);
  }

  private PendingSplit(PendingSplit o) {
    dim = o.dim;
    k = o.k;
    coords = o.coords.clone();
    nv = o.nv;
    verts = o.verts.clone();
    alive = o.alive.clone();
    centres = o.centres.clone();
    radii = o.radii.clone();
    nsub = o.nsub;
    points.addAll(o.points);
    pts = new double[k * dim];
  }

  PendingSplit copy() {
    return new PendingSplit(this);
  }

  int size() {
    return nsub;
  }

  boolean alive(int sub) {
    return sub >= 0 && sub < nsub && alive[sub];
  }

  /** The sorted local vertex indices of sub-simplex {@code sub}, written to {@code out}. */
  void tuple(int sub, int[] out) {
    System.arraycopy(verts, sub * k, out, 0, k);
  }

  /** Writes the scaled vertices of sub-simplex {@code sub} to {@code out}. */
  void vertices(int sub, double[] out) {
    for (int i = 0; i < k; i++) {
      System.arraycopy(coords, verts[sub * k + i] * dim, out, i * dim, dim);
    }
  }

  double volume(int sub) {
    vertices(sub, pts);
    return SimplexGeometry.volume(pts, dim);
  }

  /**
   * Inserts the pending point {@code raw} (scaled: {@code scaled}) and returns the indices of the
   * sub-simplices it made; none if it lies in no sub-simplex.
   */
  int[] insert(double[] raw, double[] scaled) {
    int contained = -1;
    for (int s = 0; s < nsub && contained < 0; s++) {
      if (alive[s]) {
        vertices(s, pts);
        if (SimplexGeometry.pointInSimplex(scaled, 0, pts, dim)) {
          contained = s;
        }
      }
    }
    if (contained < 0) {
      return new int[0];
    }
    if ((nv + 1) * dim > coords.length) {
      coords = Arrays.copyOf(coords, coords.length * 2);
    }
    System.arraycopy(scaled, 0, coords, nv * dim, dim);
    int v = nv++;
    points.add(raw);
    // the cavity: every sub-simplex whose circumsphere holds the point (few, so no walk)
    boolean[] bad = new boolean[nsub];
    bad[contained] = true;
    for (int s = 0; s < nsub; s++) {
      if (alive[s] && SimplexGeometry.inSphere(coords, v * dim, centres, s * dim, radii[s], dim)) {
        bad[s] = true;
      }
    }
    // boundary faces: the faces of the cavity that appear once
    List<int[]> faces = new ArrayList<>();
    for (int s = 0; s < nsub; s++) {
      if (!bad[s]) {
        continue;
      }
      for (int i = 0; i < k; i++) {
        int[] face = new int[dim];
        for (int j = 0, m = 0; j < k; j++) {
          if (j != i) {
            face[m++] = verts[s * k + j];
          }
        }
        boolean shared = false;
        for (int t = 0; t < faces.size(); t++) {
          if (Arrays.equals(faces.get(t), face)) {
            faces.remove(t);
            shared = true;
            break;
          }
        }
        if (!shared) {
          faces.add(face);
        }
      }
    }
    // faces shared by the cavity and a live sub-simplex outside it keep the neighbour; every
    // boundary face joins the point unless the result is flat
    for (int s = 0; s < nsub; s++) {
      if (bad[s]) {
        alive[s] = false;
      }
    }
    int[] made = new int[faces.size()];
    int nmade = 0;
    int[] tmp = new int[k];
    for (int[] face : faces) {
      System.arraycopy(face, 0, tmp, 0, dim);
      tmp[dim] = v;
      Arrays.sort(tmp);
      for (int i = 0; i < k; i++) {
        System.arraycopy(coords, tmp[i] * dim, pts, i * dim, dim);
      }
      if (!SimplexGeometry.almostFlat(pts, dim)) {
        made[nmade++] = add(tmp);
      }
    }
    return Arrays.copyOf(made, nmade);
  }

  private int add(int[] tuple) {
    if (nsub == alive.length) {
      int n = nsub * 2;
      verts = Arrays.copyOf(verts, n * k);
      alive = Arrays.copyOf(alive, n);
      centres = Arrays.copyOf(centres, n * dim);
      radii = Arrays.copyOf(radii, n);
    }
    int s = nsub++;
    System.arraycopy(tuple, 0, verts, s * k, k);
    alive[s] = true;
    for (int i = 0; i < k; i++) {
      System.arraycopy(coords, tuple[i] * dim, pts, i * dim, dim);
    }
    double[] c = new double[dim];
    radii[s] = SimplexGeometry.circumsphere(pts, dim, c);
    System.arraycopy(c, 0, centres, s * dim, dim);
    return s;
  }
}

/** Owns the layout of a run's directory and the MapDB files and snapshots inside it. */
package io.adaptive.runtime.store;

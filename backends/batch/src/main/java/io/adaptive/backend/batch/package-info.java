/**
 * What the SLURM and PBS backends share: job scripts rendered from a resource shape, the
 * {@link io.adaptive.backend.batch.Scheduler} seam that builds scheduler command lines and parses
 * their output, and the session that submits, polls once per cycle for the whole run, and decides
 * how each job ended.
 */
package io.adaptive.backend.batch;

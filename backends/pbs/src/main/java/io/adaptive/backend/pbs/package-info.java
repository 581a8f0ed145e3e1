/** The PBS backend: one OpenPBS, PBS Pro or Torque job per learner, through qsub, qstat and qdel. */
package io.adaptive.backend.pbs;

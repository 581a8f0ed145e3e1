/** The SLURM backend: each job a SLURM batch job, submitted with sbatch, watched with squeue. */
package io.adaptive.backend.slurm;

/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.launch;

import io.adaptive.runtime.learn.DataCodec;
import io.adaptive.runtime.store.DataFileException;
import io.adaptive.runtime.store.DataFileLockedException;
import io.adaptive.runtime.store.LearnerDataFile;
import java.nio.file.Path;

/**
 * Opens a learner's data file for a worker. The previous job of the same learner may still be
 * saving and exiting (a worker that lost its manager saves first): wait for it a bounded time.
 */
final class DataFiles {

  private static final long WAIT_MILLIS = 60_000;

  private DataFiles() {}

  static <P, V> LearnerDataFile<P, V> open(
      Path file, String learner, String fingerprint, DataCodec<P, V> codec) {
    long deadline = System.currentTimeMillis() + WAIT_MILLIS;
    while (true) {
      try {
        return LearnerDataFile.open(file, learner, fingerprint, codec);
      } catch (DataFileException e) {
        if (!isLocked(e) || System.currentTimeMillis() > deadline) {
          throw e;
        }
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DataFileException(file, "interrupted while waiting for the data file of '"
            + learner + "' to be released by another worker");
      }
    }
  }

  private static boolean isLocked(DataFileException e) {
    return e instanceof DataFileLockedException;
  }
}

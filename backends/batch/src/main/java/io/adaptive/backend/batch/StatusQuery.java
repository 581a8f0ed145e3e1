/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.batch;

import java.util.List;
import java.util.Objects;

/**
 * What one status poll asks about.
 *
 * @param user the user who owns the jobs (the scheduler may filter by it on the server)
 * @param namePrefix every job of the run has a name starting with this, {@code <prefix><runTag>-}
 * @param jobIds the ids the session tracks, sorted; may be empty
 */
public record StatusQuery(String user, String namePrefix, List<String> jobIds) {

  public StatusQuery {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(namePrefix, "namePrefix");
    jobIds = List.copyOf(jobIds);
  }
}

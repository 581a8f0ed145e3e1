/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.store;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Another run manager holds the run store: only one may write it. The lock is the operating
 * system's, so it ends with the holder's process, {@code kill -9} included; a store left by a
 * dead manager is taken over without this exception.
 */
public final class RunStoreLockedException extends RunStoreException {

  private static final long serialVersionUID = 1L;

  private final transient StoreOwner owner;

  RunStoreLockedException(Path file, String message, StoreOwner owner) {
    super(file, message);
    this.owner = owner;
  }

  /**
   * Who holds the store, as it recorded itself when it took the lock; empty if that record is
   * missing or unreadable (the holder may have taken the lock a moment ago).
   */
  public Optional<StoreOwner> owner() {
    return Optional.ofNullable(owner);
  }
}

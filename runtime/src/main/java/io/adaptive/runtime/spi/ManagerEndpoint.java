/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.spi;

import java.util.Objects;

/**
 * Where the run manager listens for its workers.
 *
 * @param bindHost the interface it binds, as a host name or address; {@code 0.0.0.0} for all
 * @param advertisedHost the host name or address workers connect to; must reach {@code bindHost}
 *     from the nodes the jobs run on
 */
public record ManagerEndpoint(String bindHost, String advertisedHost) {

  /** Workers on this machine only: the loopback interface. */
  public static final ManagerEndpoint LOOPBACK = new ManagerEndpoint("127.0.0.1", "127.0.0.1");

  public ManagerEndpoint {
    Objects.requireNonNull(bindHost, "bindHost");
    Objects.requireNonNull(advertisedHost, "advertisedHost");
  }
}

/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.protocol;

/**
 * The first message of a worker, after the secret was checked: which learner it wants to run.
 *
 * @param learner the learner's name
 * @param jobId the job the worker runs in
 * @param fingerprint the learner's fingerprint as the worker computed it from its own plan
 */
public record Hello(String learner, String jobId, String fingerprint) {}

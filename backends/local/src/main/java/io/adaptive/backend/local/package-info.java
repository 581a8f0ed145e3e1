/** The local backends: jobs as threads of this JVM or as child processes, within a core budget. */
package io.adaptive.backend.local;

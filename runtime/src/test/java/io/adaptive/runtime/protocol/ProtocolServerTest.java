/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.adaptive.runtime.spi.Backend;
import io.adaptive.runtime.spi.ManagerEndpoint;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The manager's socket: authenticated, small, and undisturbed by garbage. */
final class ProtocolServerTest {

  private static final String SECRET = "0123456789abcdef";
  private final List<String> calls = new CopyOnWriteArrayList<>();
  private ProtocolServer server;

  private final WorkerHandler handler = new WorkerHandler() {
      @Override
      public String claim(Hello hello) {
        calls.add("claim " + hello.learner() + " " + hello.jobId() + " " + hello.fingerprint());
        return hello.learner().equals("refused") ? "not yours" : "";
      }

      @Override
      public void progress(Hello worker, Report report) {
        calls.add("progress " + worker.learner() + " " + report);
      }

      @Override
      public void done(Hello worker, Report report) {
        calls.add("done " + worker.learner() + " " + report);
      }

      @Override
      public void failed(Hello worker, Report report, String error) {
        calls.add("failed " + worker.learner() + " " + error);
      }

      @Override
      public void disconnected(Hello worker) {
        calls.add("disconnected " + worker.learner());
      }
    };

  @BeforeEach
  void start() throws IOException {
    server = ProtocolServer.start(SECRET, handler);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void client_claimsReportsAndCloses_managerSeesEachMessageInOrder() throws IOException {
    try (ProtocolClient client = ProtocolClient.connect(server.address(), SECRET,
        new Hello("peak[a=0.01]", "j1", "ab12"))) {
      client.progress(new Report(10, 0.5, 1000, 2_000_000, 64 << 20));
      client.failed(new Report(12, Double.POSITIVE_INFINITY, 2000), "boom\n  at line 3 ünïcode");
      client.done(new Report(20, 0.25, 3000));
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> calls.size() == 5);
    assertThat(calls).containsExactly(
        "claim peak[a=0.01] j1 ab12",
        "progress peak[a=0.01] Report[npoints=10, loss=0.5, elapsedNanos=1000, cpuNanos=2000000,"
            + " heapBytes=67108864]",
        "failed peak[a=0.01] boom\n  at line 3 ünïcode",
        "done peak[a=0.01] Report[npoints=20, loss=0.25, elapsedNanos=3000, cpuNanos=0,"
            + " heapBytes=0]",
        "disconnected peak[a=0.01]");
  }

  @Test
  void client_refusedClaim_throwsWithTheManagersReason() {
    assertThatThrownBy(() -> ProtocolClient.connect(server.address(), SECRET,
        new Hello("refused", "j1", "ab12")))
        .isInstanceOf(ClaimRefusedException.class).hasMessage("not yours");
  }

  @Test
  void client_wrongSecret_isDisconnectedWithoutAClaim() {
    assertThatThrownBy(() -> ProtocolClient.connect(server.address(), "wrong",
        new Hello("peak", "j1", "ab12"))).isInstanceOf(IOException.class);
    assertThat(calls).isEmpty();
  }

  @Test
  void garbageUnauthenticatedAndOversizedMessages_areRejected_andTheServerStillServes()
      throws Exception {
    SplittableRandom random = new SplittableRandom(2024);
    for (int i = 0; i < 40; i++) {
      byte[] garbage = new byte[random.nextInt(1, i % 10 == 0 ? 200_000 : 300)];
      for (int j = 0; j < garbage.length; j++) {
        garbage[j] = (byte) random.nextInt(256);
      }
      if (i % 3 == 0) {
        garbage[garbage.length - 1] = '\n';
      }
      sendAndClose(garbage);
    }
    sendAndClose(("PROGRESS 1 0.5 10\n").getBytes(StandardCharsets.UTF_8));
    sendAndClose(("HELLO adaptive/2 " + SECRET + " x\n").getBytes(StandardCharsets.UTF_8));
    assertThat(calls).as("nothing reached the manager").isEmpty();

    try (ProtocolClient client = ProtocolClient.connect(server.address(), SECRET,
        new Hello("after", "j2", "cd34"))) {
      client.progress(new Report(1, 1.0, 1));
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> calls.size() == 3);
    assertThat(calls.get(0)).isEqualTo("claim after j2 cd34");
  }

  @Test
  void authenticatedWorker_sendingGarbage_isDisconnected() throws Exception {
    try (Socket socket = connect()) {
      OutputStream out = socket.getOutputStream();
      out.write(("HELLO adaptive/2 " + SECRET + " " + b64("w") + " " + b64("j") + " ff\n")
          .getBytes(StandardCharsets.UTF_8));
      assertThat(readLine(socket.getInputStream())).isEqualTo("OK");
      out.write("PROGRESS ten 0.5 1\n".getBytes(StandardCharsets.UTF_8));
      assertThat(socket.getInputStream().read()).as("closed by the server").isEqualTo(-1);
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> calls.contains("disconnected w"));
    assertThat(calls).noneMatch(c -> c.startsWith("progress"));
  }

  // ---- connections not yet authenticated ----------------------------------------------------

  @Test
  void tricklingClient_isDroppedAtTheGreetingDeadline_thoughEachByteComesInTime()
      throws Exception {
    try (ProtocolServer strict = ProtocolServer.start(InetAddress.getLoopbackAddress(), SECRET,
            handler, Duration.ofMillis(500), 4);
        Socket socket = connect(strict)) {
      socket.setSoTimeout(50);
      byte[] greeting = ("HELLO adaptive/2 " + SECRET + " " + b64("w") + " " + b64("j") + " ff\n")
          .getBytes(StandardCharsets.UTF_8);
      long start = System.nanoTime();
      long closedAfterMillis = -1;
      for (int i = 0; i < greeting.length - 1 && closedAfterMillis < 0; i++) {
        try {
          socket.getOutputStream().write(greeting[i]); // one byte per 50 ms: never a read timeout
          if (socket.getInputStream().read() == -1) {
            closedAfterMillis = (System.nanoTime() - start) / 1_000_000;
          }
        } catch (SocketTimeoutException stillOpen) {
          // the server is still waiting for the rest
        } catch (IOException reset) {
          closedAfterMillis = (System.nanoTime() - start) / 1_000_000;
        }
      }

      assertThat(closedAfterMillis).as("dropped at the 500 ms deadline").isBetween(400L, 1_500L);
      await().atMost(Duration.ofSeconds(2)).until(() -> strict.unauthenticated() == 0);
      assertThat(calls).as("it never reached the manager").isEmpty();
    }
  }

  @Test
  void connectionsBeyondTheCap_areClosedAtOnce_whileAnAuthenticatedWorkerGoesOn()
      throws Exception {
    try (ProtocolServer strict = ProtocolServer.start(InetAddress.getLoopbackAddress(), SECRET,
            handler, Duration.ofSeconds(30), 2);
        ProtocolClient worker = ProtocolClient.connect(strict.address(), SECRET,
            new Hello("w", "j1", "ab12"));
        Socket idle1 = connect(strict);
        Socket idle2 = connect(strict)) {
      await().atMost(Duration.ofSeconds(2)).until(() -> strict.unauthenticated() == 2);

      try (Socket extra = connect(strict)) {
        extra.setSoTimeout(1_000); // far below the 30 s deadline: only the cap closes it
        assertThat(readOrReset(extra)).as("closed by the server at once").isEqualTo(-1);
      }
      worker.progress(new Report(3, 0.5, 1));
      await().atMost(Duration.ofSeconds(2)).until(() -> calls.contains(
          "progress w Report[npoints=3, loss=0.5, elapsedNanos=1, cpuNanos=0, heapBytes=0]"));

      idle1.close();
      await().atMost(Duration.ofSeconds(2)).until(() -> strict.unauthenticated() == 1);
      try (ProtocolClient second = ProtocolClient.connect(strict.address(), SECRET,
          new Hello("second", "j2", "cd34"))) {
        assertThat(calls).as("a place freed is a place taken").contains("claim second j2 cd34");
      }
    }
  }

  @Test
  void server_bindsToLoopbackByDefault_asBackendsDo() throws Exception {
    String host = server.address().substring(0, server.address().lastIndexOf(':'));
    assertThat(InetAddress.getByName(host).isLoopbackAddress()).as(server.address()).isTrue();

    Backend backend = (Backend) Proxy.newProxyInstance(Backend.class.getClassLoader(),
        new Class<?>[] {Backend.class}, (proxy, method, args) ->
            InvocationHandler.invokeDefault(proxy, method, args));
    assertThat(backend.managerEndpoint()).isSameAs(ManagerEndpoint.LOOPBACK);
    assertThat(InetAddress.getByName(ManagerEndpoint.LOOPBACK.bindHost()).isLoopbackAddress())
        .isTrue();

    InetAddress outside = nonLoopbackAddress();
    assumeTrue(outside != null, "this host has no other interface to try");
    assertThatThrownBy(() -> new Socket(outside, server.port()).close())
        .as("not reachable on " + outside).isInstanceOf(ConnectException.class);
  }

  private static InetAddress nonLoopbackAddress() throws IOException {
    for (NetworkInterface face : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (face.isUp() && !face.isLoopback()) {
        for (InetAddress address : Collections.list(face.getInetAddresses())) {
          if (address instanceof Inet4Address) {
            return address;
          }
        }
      }
    }
    return null;
  }

  private static int readOrReset(Socket socket) throws IOException {
    try {
      return socket.getInputStream().read();
    } catch (SocketTimeoutException e) {
      throw e;
    } catch (IOException reset) {
      return -1;
    }
  }

  private static Socket connect(ProtocolServer server) throws IOException {
    String address = server.address();
    int colon = address.lastIndexOf(':');
    Socket socket =
        new Socket(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)));
    socket.setSoTimeout(15_000);
    return socket;
  }

  private void sendAndClose(byte[] bytes) throws IOException {
    try (Socket socket = connect()) {
      try {
        socket.getOutputStream().write(bytes);
        socket.shutdownOutput();
        while (socket.getInputStream().read() != -1) {
          // Drain until the server closes the connection.
        }
      } catch (IOException e) {
        // The server may reset a connection that sends too much: that is a rejection too.
      }
    }
  }

  private Socket connect() throws IOException {
    String[] hostPort = server.address().split(":");
    Socket socket = new Socket(hostPort[0], Integer.parseInt(hostPort[1]));
    socket.setSoTimeout(15_000);
    return socket;
  }

  private static String b64(String text) {
    return java.util.Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b = in.read(); b != '\n' && b != -1; b = in.read()) {
      line.append((char) b);
    }
    return line.toString();
  }
}

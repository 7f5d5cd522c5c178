package dev.chatsignal.bench.raw;

import io.grpc.Server;
import io.grpc.benchmarks.qps.AsyncServer;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * grpc-java's benchmark service ({@code grpc.testing.BenchmarkService}, the implementation that
 * {@link AsyncServer} serves) on a server configured like chatsignal's: grpc-netty-shaded with its default event
 * loops (epoll where available), plaintext, the default executor, bound to 127.0.0.1.
 *
 * <p>{@code AsyncServer.main} itself always swaps in a ForkJoinPool executor (or a direct one), so it
 * would measure a different threading model from ours; this class keeps its service and drops that.
 *
 * <p>Usage: {@code RawServer [port]} (0 or absent: any free port). Prints
 * {@code raw listening: grpc=127.0.0.1:<port>} once serving, then runs until the process is killed.
 */
public final class RawServer {
  private RawServer() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port))
        .addService(new AsyncServer.BenchmarkServiceImpl())
        .build()
        .start();
    System.out.println("raw listening: grpc=127.0.0.1:" + server.getPort());
    System.out.flush();
    Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "raw-server-shutdown"));
    server.awaitTermination();
  }
}

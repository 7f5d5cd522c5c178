package dev.chatsignal.bench.load;

import io.grpc.MethodDescriptor;

/**
 * One unary call the generator repeats: a method and the serialized request it sends every time.
 *
 * @param name workload name used in the report, e.g. {@code score100}
 * @param method the method, with pass-through byte marshallers
 * @param request the serialized request; never modified
 * @param responseBytes the serialized size of the response the call returns, as measured once
 */
public record CallSpec(String name, MethodDescriptor<byte[], byte[]> method, byte[] request, int responseBytes) {
  public CallSpec {
    if (request == null || responseBytes < 0) {
      throw new IllegalArgumentException(name + ": request " + request + ", responseBytes " + responseBytes
          + " (expected: a request and responseBytes >= 0)");
    }
  }

  public int requestBytes() {
    return request.length;
  }
}

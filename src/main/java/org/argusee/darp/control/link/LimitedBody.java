package org.argusee.darp.control.link;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read as text up to a size, for what the slave reads from its master (issue 15, finding 9):
 * whoever answers at the master's URL must not make the slave hold an endless body in memory. Past the size (or
 * a {@code Content-Length} over it) the download is cancelled and the body fails with a {@link LinkFailure}.
 */
final class LimitedBody implements HttpResponse.BodySubscriber<String> {

    private final long max;
    private final String what;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<String> result = new CompletableFuture<>();
    private final long declared;
    private Flow.Subscription subscription;

    private LimitedBody(long max, String what, long declared) {
        this.max = max;
        this.what = what;
        this.declared = declared;
    }

    /** A handler that reads at most {@code max} bytes of {@code what} (named in the failure). */
    static HttpResponse.BodyHandler<String> handler(long max, String what) {
        return info -> new LimitedBody(
                max, what, info.headers().firstValueAsLong("Content-Length").orElse(-1));
    }

    @Override
    public CompletionStage<String> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (declared > max) {
            tooLarge();
            return;
        }
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer b : buffers) {
            if (bytes.size() + (long) b.remaining() > max) {
                tooLarge();
                return;
            }
            byte[] chunk = new byte[b.remaining()];
            b.get(chunk);
            bytes.writeBytes(chunk);
        }
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        result.complete(bytes.toString(StandardCharsets.UTF_8));
    }

    private void tooLarge() {
        subscription.cancel();
        result.completeExceptionally(
                new LinkFailure(what + ": the master's answer is larger than " + max + " bytes; refused"));
    }
}

package kr.hamkke.proposals;

import kr.hamkke.testing.Browser;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Multipart uploads as a browser sends them: the CSRF token in the action's query string. */
final class Uploads {

    private Uploads() {
    }

    static HttpResponse<String> upload(Browser b, URI base, String path, String filename, String contentType, byte[] bytes,
                                       String description, String csrf) {
        String boundary = "----hamkke" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\n" + description + "\r\n");
        if (bytes != null) {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename + "\"\r\n"
                    + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n") + "\r\n");
            body.writeBytes(bytes);
            write(body, "\r\n");
        }
        write(body, "--" + boundary + "--\r\n");
        String query = csrf == null ? "" : "?_csrf=" + csrf;
        return b.send(HttpRequest.newBuilder(base.resolve(path + query))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    static HttpResponse<byte[]> download(Browser b, URI base, String path) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve(path))
                    .header("Cookie", b.cookie("JWT") == null ? "x=y" : "JWT=" + b.cookie("JWT")).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}

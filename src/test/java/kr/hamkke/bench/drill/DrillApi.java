package kr.hamkke.bench.drill;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The few HTTP calls a drill makes: sign in, submit a ballot with an Idempotency-Key, read a page. */
final class DrillApi {

    static final String DEMO_PASSWORD = "hamkke-demo-1234";
    private static final Pattern BALLOT = Pattern.compile("\"ballotId\":(\\d+),\"version\":(\\d+)");

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .version(HttpClient.Version.HTTP_1_1).build();

    String signIn(URI base, String email) throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(base.resolve("/login"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + email + "\",\"password\":\"" + DEMO_PASSWORD + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("sign-in failed for " + email + ": " + r.statusCode() + " " + r.body());
        }
        return r.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
    }

    /** Sends one ballot attempt and records its answer in the attempt. */
    void submit(URI base, long trackId, Voter voter, Voter.Attempt attempt) {
        String body = attempt.picks.stream().map(p -> "\"" + p + "\"").collect(Collectors.joining(",", "{\"projectIds\":[", "]}"));
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(base.resolve("/api/budgeting/tracks/" + trackId + "/ballot"))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .header("Authorization", "Bearer " + voter.token).header("Idempotency-Key", attempt.key)
                    .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = BALLOT.matcher(r.body());
            if ((r.statusCode() == 200 || r.statusCode() == 201) && m.find()) {
                attempt.ballotId = Long.parseLong(m.group(1));
                attempt.version = Integer.parseInt(m.group(2));
            }
            attempt.status = r.statusCode();
        } catch (IOException e) {
            attempt.status = -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            attempt.status = -1;
        }
        attempt.millis = (System.nanoTime() - t0) / 1_000_000;
    }

    /** GET with the problem type checked by the caller: status, content type, milliseconds. */
    record Answer(int status, String contentType, long millis, String body) {
    }

    Answer get(URI base, String path) {
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(base.resolve(path)).header("Accept", "application/json")
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                    (System.nanoTime() - t0) / 1_000_000, r.body());
        } catch (IOException e) {
            return new Answer(-1, "", (System.nanoTime() - t0) / 1_000_000, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "", 0, "interrupted");
        }
    }

    static List<String> demoCitizens(int n) {
        return java.util.stream.IntStream.rangeClosed(1, n).mapToObj(i -> String.format("citizen%03d@demo.hamkke.kr", i)).toList();
    }
}

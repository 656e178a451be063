package kr.hamkke.shared.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Seeds demo data on the first start of the development app. Each feature contributes a
 * {@link DemoData} bean; they run in their declared order.
 */
@Singleton
@Requires(property = "hamkke.demo.enabled", value = "true")
class DemoSeeder {

    private static final Logger LOG = LoggerFactory.getLogger(DemoSeeder.class);

    private final List<DemoData> parts;

    DemoSeeder(List<DemoData> parts) {
        this.parts = parts;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        parts.stream().sorted(java.util.Comparator.comparingInt(DemoData::order)).forEach(part -> {
            long start = System.nanoTime();
            if (part.seedIfEmpty()) {
                LOG.info("demo data seeded: {} ({} ms)", part.getClass().getSimpleName(), (System.nanoTime() - start) / 1_000_000);
            }
        });
    }
}

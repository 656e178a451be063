package kr.hamkke.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** Starts the test database once, before any test class builds an application context. */
public class DatabaseSession implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!"false".equals(System.getProperty("hamkke.test.database"))) {
            TestDatabase.startOnce();
            System.out.println("hamkke tests use: " + TestDatabase.description());
        }
    }
}

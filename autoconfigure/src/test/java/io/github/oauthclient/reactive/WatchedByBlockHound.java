package io.github.oauthclient.reactive;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class whose tests fail when anything blocks a non-blocking thread ({@link BlockingCallDetector}).
 * BlockHound instruments JDK classes for the rest of the JVM's life, so such classes carry the tag
 * {@value BlockingCallDetector#TAG} and run in their own surefire execution (see the module's pom), which adds the
 * JVM flag BlockHound needs on Java 13+.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(BlockingCallDetector.TAG)
@ExtendWith(BlockingCallDetector.class)
@interface WatchedByBlockHound {

}

package org.phaenthi.boundaries;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test that reads the whole country's shared data ({@link TestData#dir()}): not a unit test
 * (surefire leaves the tag {@code realdata} out), run in the integration-test phase by failsafe.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("realdata")
public @interface SharedData {}

package dev.taskcheck.rules;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Marks a rule's message key, a {@code static final String} constant of the rule class that the
 * rule reports with: {@code @MessageKey static final String OVER = "over";} is the message {@code
 * progress-2.over} of the rules' {@code messages.properties}. A catalog test checks both ways that
 * every key has its message and every message its key.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
@API(status = API.Status.EXPERIMENTAL, since = "0.3.0")
public @interface MessageKey {}

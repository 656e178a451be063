package kr.hamkke.shared.web;

import jakarta.validation.ConstraintViolation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Field errors of one form submit, in form order. Each message is an i18n key; the layout shows
 * them in an error summary that links to the fields.
 */
public final class FormErrors {

    public record FieldError(String field, String messageKey) {
    }

    private final Map<String, String> byField = new LinkedHashMap<>();

    public static <T> FormErrors of(Set<ConstraintViolation<T>> violations, List<String> fieldOrder) {
        FormErrors errors = new FormErrors();
        for (String field : fieldOrder) {
            violations.stream()
                    .filter(v -> v.getPropertyPath().toString().endsWith(field))
                    .findFirst()
                    .ifPresent(v -> errors.add(field, v.getMessage()));
        }
        return errors;
    }

    public FormErrors add(String field, String messageKey) {
        byField.putIfAbsent(field, messageKey);
        return this;
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String get(String field) {
        return byField.get(field);
    }

    public List<FieldError> all() {
        List<FieldError> list = new ArrayList<>();
        byField.forEach((f, m) -> list.add(new FieldError(f, m)));
        return list;
    }
}

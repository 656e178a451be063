package kr.hamkke.shared;

/**
 * A rule refused an action. The message key is an i18n key shown to the user; the code is what an
 * API client sees in the problem body.
 */
public class DomainException extends RuntimeException {

    public enum Kind { NOT_FOUND, NOT_ALLOWED, CONFLICT, INVALID }

    private final Kind kind;
    private final String code;
    private final Object[] args;

    public DomainException(Kind kind, String code, Object... args) {
        super(code);
        this.kind = kind;
        this.code = code;
        this.args = args;
    }

    public static DomainException notFound(String code) {
        return new DomainException(Kind.NOT_FOUND, code);
    }

    public static DomainException notAllowed(String code, Object... args) {
        return new DomainException(Kind.NOT_ALLOWED, code, args);
    }

    public static DomainException conflict(String code, Object... args) {
        return new DomainException(Kind.CONFLICT, code, args);
    }

    public static DomainException invalid(String code, Object... args) {
        return new DomainException(Kind.INVALID, code, args);
    }

    public Kind kind() {
        return kind;
    }

    /** Stable machine code, also the i18n key suffix: messages "error.{code}". */
    public String code() {
        return code;
    }

    public Object[] args() {
        return args.clone();
    }
}

package kr.hamkke;

/** Command-line tools bundled in hamkke.jar, used by auditors and outsiders. */
final class Commands {

    private Commands() {
    }

    static int run(String command, String[] args) {
        return switch (command) {
            case "audit-verify" -> kr.hamkke.audit.AuditVerifyCommand.run(args, System.out, System.err);
            case "tally" -> kr.hamkke.budgeting.tally.TallyCommand.run(args, System.out, System.err);
            case "sortition" -> kr.hamkke.assembly.sortition.SortitionCommand.run(args, System.out, System.err);
            default -> {
                System.err.println("unknown command: " + command
                        + " (known: tally, sortition, audit-verify)");
                yield 2;
            }
        };
    }
}

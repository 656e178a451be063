package kr.hamkke.budgetlines;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import kr.hamkke.budgetlines.figures.AmountUnit;
import kr.hamkke.budgetlines.figures.Amounts;

/** Staff form bodies (amounts typed in 천원, as in the reports). */
final class StaffForms {

    private StaffForms() {
    }

    @Serdeable
    record LineForm(@Nullable String fiscalYear, @Nullable String bureau, @Nullable String division,
                    @Nullable String programName, @Nullable String programCode, @Nullable String kind,
                    @Nullable String original, @Nullable String finalAmount, @Nullable String carriedOver,
                    @Nullable String prevOriginal, @Nullable String prevFinal, @Nullable String pbTag,
                    @Nullable String guCode, @Nullable String status, @Nullable String reasonCode,
                    @Nullable String reason, @Nullable String published, @Nullable String subjectKind,
                    @Nullable String subjectId, @Nullable String subjectTitle, @Nullable String linkAmount,
                    @Nullable String note, @Nullable String subject) {

        static LineForm of(BudgetLine l) {
            return new LineForm(String.valueOf(l.fiscalYear()), l.bureau(), l.division(), l.programName(),
                    l.programCode(), l.kind(), th(l.originalWon()), th(l.finalWon()), th(l.carriedOverWon()),
                    l.prevOriginalWon() == null ? "" : th(l.prevOriginalWon()),
                    l.prevFinalWon() == null ? "" : th(l.prevFinalWon()), l.pbTag() ? "yes" : null,
                    l.guCode(), l.status().name(), l.statusReasonCode(), l.statusReason(), l.published() ? "yes" : null,
                    null, null, null, null, null, null);
        }

        static LineForm blank(int year) {
            return new LineForm(String.valueOf(year), "", "", "", "", "PROGRAM", "", "", "0", "", "", null, "",
                    "REQUESTED", "", "", null, "", "", "", "", "", "");
        }

        /** The winner to attach right away, or null when the subject fields are empty. */
        LinkInput winner() {
            if ((subjectId == null || subjectId.isBlank()) && (subjectTitle == null || subjectTitle.isBlank())
                    && (subject == null || subject.isBlank())) {
                return null;
            }
            return new LinkForm(subjectKind, subjectId, subjectTitle, "FUNDED", linkAmount, null, null, note, subject)
                    .toInput(linkAmount != null && !linkAmount.isBlank());
        }

        LineInput toInput() {
            Integer year;
            try {
                year = fiscalYear == null || fiscalYear.isBlank() ? null : Integer.valueOf(fiscalYear.strip());
            } catch (NumberFormatException e) {
                throw new InvalidInput("fiscalYear", "budget.fiscal-year");
            }
            return new LineInput(year, bureau == null ? "" : bureau, division == null ? "" : division,
                    programName == null ? "" : programName, programCode == null ? "" : programCode, kind,
                    won("original", original, true), won("finalAmount", finalAmount, false),
                    won("carriedOver", carriedOver, false), won("prevOriginal", prevOriginal, false),
                    won("prevFinal", prevFinal, false), "yes".equals(pbTag), guCode == null ? "" : guCode, status,
                    reasonCode, reason, "yes".equals(published));
        }
    }

    @Serdeable
    record LinkForm(@Nullable String subjectKind, @Nullable String subjectId, @Nullable String subjectTitle,
                    @Nullable String outcome, @Nullable String amount, @Nullable String reasonCode,
                    @Nullable String publicReason, @Nullable String note, @Nullable String subject) {

        static LinkForm blank() {
            return new LinkForm("PB_PROJECT", "", "", "FUNDED", "", "", "", "", "");
        }

        LinkInput toInput(boolean needsAmount) {
            String kind = subjectKind;
            String typedId = subjectId;
            if (subject != null && !subject.isBlank()) {
                // picked from the list: "KIND:id"; the owning feature supplies the title
                String[] parts = subject.strip().split(":", 2);
                if (parts.length != 2 || SubjectKind.parse(parts[0]).isEmpty()) {
                    throw new InvalidInput("subject", "budget.subject-id");
                }
                kind = parts[0];
                typedId = parts[1];
            }
            Long id;
            try {
                id = typedId == null || typedId.isBlank() ? null : Long.valueOf(typedId.strip());
            } catch (NumberFormatException e) {
                throw new InvalidInput(subject != null && !subject.isBlank() ? "subject" : "subjectId", "budget.subject-id");
            }
            Long won = needsAmount ? won("amount", amount, true) : null;
            if (!needsAmount && amount != null && !amount.isBlank()) {
                won = won("amount", amount, false);
            }
            if (needsAmount && won == null) {
                throw new InvalidInput("amount", "budget.link-amount");
            }
            return new LinkInput(kind, id, subject != null && !subject.isBlank() ? null : subjectTitle, outcome, won,
                    reasonCode, publicReason, note);
        }
    }

    @Serdeable
    record SnapshotForm(@Nullable String asOf, @Nullable String committed, @Nullable String spent,
                        @Nullable String forecast) {
        static SnapshotForm blank() {
            return new SnapshotForm("", "", "", "");
        }

        SnapshotInput toInput() {
            return new SnapshotInput(asOf, won("committed", committed, true), won("spent", spent, true),
                    won("forecast", forecast, false));
        }
    }

    @Serdeable
    record MilestoneForm(@Nullable String subjectKind, @Nullable String subjectId, @Nullable String occurredOn,
                         @Nullable String text, @Nullable String completed, @Nullable String lineId) {
    }

    @Serdeable
    record CorrectionForm(@Nullable String row, @Nullable String column, @Nullable String value, @Nullable String note) {
        static CorrectionForm blank() {
            return new CorrectionForm("", "", "", "");
        }
    }

    /** 천원 as typed ("1,234" or "1234") to 원; blank → null unless required. */
    static Long won(String field, String typed, boolean required) {
        if (typed == null || typed.isBlank()) {
            if (required) {
                throw new InvalidInput(field, "budget.amount-required");
            }
            return null;
        }
        String t = typed.strip();
        if (t.matches("\\d+")) {
            try {
                return Math.multiplyExact(Long.parseLong(t), 1000L);
            } catch (ArithmeticException | NumberFormatException e) {
                throw new InvalidInput(field, "budget.amount-range");
            }
        }
        if (!Amounts.isWellFormed(t) || t.startsWith("△")) {
            throw new InvalidInput(field, "budget.amount-syntax");
        }
        try {
            return Amounts.parse(t, AmountUnit.THOUSAND_WON);
        } catch (RuntimeException e) {
            throw new InvalidInput(field, "budget.amount-range");
        }
    }

    static String th(long won) {
        return Amounts.formatThousandWon(won);
    }
}

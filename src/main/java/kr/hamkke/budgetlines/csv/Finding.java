package kr.hamkke.budgetlines.csv;

/**
 * One disagreement or remark from an import: where (source, row, column), what was typed, what was
 * computed, and a message in Korean. An ERROR blocks its row unless a {@link Correction} resolved it;
 * the typed value stays here either way.
 *
 * @param row        1-based line number in the CSV file (0 for file-level findings)
 * @param column     canonical column, or null for row- or file-level findings
 * @param resolution the correction that resolved this finding, or null
 */
public record Finding(Level level, String source, int row, Column column, String typed, String computed,
                      String message, Correction resolution) {

    public enum Level {
        ERROR("오류"), WARNING("경고"), INFO("참고");

        private final String label;

        Level(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public boolean blocksRow() {
        return level == Level.ERROR && resolution == null;
    }

    public boolean isResolved() {
        return resolution != null;
    }

    Finding resolvedBy(Correction correction) {
        return new Finding(level, source, row, column, typed, computed, message, correction);
    }

    @Override
    public String toString() {
        return level + " " + source + ":" + row + (column == null ? "" : " [" + column.label() + "]")
                + " typed=" + typed + " computed=" + computed + " " + message
                + (resolution == null ? "" : " (보정: " + resolution.value() + ", " + resolution.note() + ")");
    }
}

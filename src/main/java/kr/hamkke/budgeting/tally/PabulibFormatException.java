package kr.hamkke.budgeting.tally;

/** A {@code .pb} file that cannot be read as a Pabulib election; the message says where and why. */
public class PabulibFormatException extends RuntimeException {
    public PabulibFormatException(String message) {
        super(message);
    }
}

package kr.hamkke.identity;

/**
 * A way to prove who someone is. Each provider ends in the same place: an identity hash (HMAC of
 * an identity number the provider vouches for) plus birth date, gender and a relation to Seoul.
 */
interface VerificationProvider {

    /** Stored in verification.provider. */
    String id();

    record Proof(String identityHash, java.time.LocalDate birthDate, String gender, String guCode,
                 String dongCode, String relation) {
    }
}

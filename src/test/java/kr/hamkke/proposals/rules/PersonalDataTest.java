package kr.hamkke.proposals.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PersonalDataTest {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', value = {
            "연락 주세요 010-1234-5678 입니다|010-1234-5678",
            "번호는 01012345678|01012345678",
            "사무실 02-123-4567 로|02-123-4567",
            "주민번호 900101-1234567 노출|900101-1234567",
            "메일 hong.gildong@example.co.kr 로|hong.gildong@example.co.kr",
            "+82 10-1234-5678 로|+82 10-1234-5678"})
    void findsPersonalData(String text, String expected) {
        assertEquals(List.of(expected), PersonalData.find(text));
    }

    @ParameterizedTest(name = "[{0}] has none")
    @CsvSource(delimiter = '|', value = {
            "2026년 예산 1234567890원|",
            "버스 7016번과 470번|",
            "면적 1,234.5㎡|"})
    void ignoresOrdinaryNumbers(String text, String ignored) {
        assertEquals(List.of(), PersonalData.find(text));
    }

    @Test
    void masksEveryOccurrenceWithAFixedLengthMaskLongestFirst() {
        PersonalData.Masked m = PersonalData.mask("010-1234-5678, 다시 010-1234-5678 그리고 1234-5678",
                List.of("1234-5678", "010-1234-5678"));
        assertEquals("●●●●, 다시 ●●●● 그리고 ●●●●", m.text());
        assertEquals(3, m.count());
        assertEquals(0, PersonalData.mask("아무것도 없음", List.of("홍길동")).count());
        assertEquals(0, PersonalData.mask("빈칸", List.of(" ")).count());
    }
}

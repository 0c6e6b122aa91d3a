package org.glossa.answers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link AnswerChecker#expand(String)}: the editors' shorthand. Columns: shorthand | answers, separated by {@code ;}. */
class ShorthandTests {

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            the dog                          | the dog
            `  the   dog  `                  | the dog
            ¡Buenos días!                    | ¡Buenos días!
            What's up?                       | What's up?
            """)
    void leavesPlainAnswersAsTheyAreButForSpacing(String shorthand, String answers) {
        assertThat(AnswerChecker.expand(shorthand)).containsExactlyElementsOf(list(answers));
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            (the) dog                        | the dog; dog
            the (big) dog                    | the big dog; the dog
            the dog (is) running             | the dog is running; the dog running
            dog(s)                           | dogs; dog
            the (very (very)) big dog        | the very very big dog; the very big dog; the big dog
            (the) (big) dog                  | the big dog; the dog; big dog; dog
            I saw it (.)                     | I saw it .; I saw it
            ¿(Tú) hablas inglés?             | ¿Tú hablas inglés?; ¿hablas inglés?
            """)
    void expandsOptionalPartsInParentheses(String shorthand, String answers) {
        assertThat(AnswerChecker.expand(shorthand)).containsExactlyElementsOf(list(answers));
    }

    /** The rules of {@link AnswerChecker#expand(String)}, one row or more each, in order. */
    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            the dog/the cat runs             | the dog runs; the cat runs
            Good morning/Good day!           | Good morning; Good day!
            I like dogs/I love cats          | I like dogs; I love cats
            a dog/the dog                    | a dog; the dog
            we saw a dog/the dog today       | we saw a dog today; we saw the dog today
            I am/I'm here                    | I am here; I'm here
            I'm/I am here                    | I'm here; I am here
            He is/He's big                   | He is big; He's big
            we are/we're going               | we are going; we're going
            I do not/don't know              | I do not know; I don't know
            I don't/do not know              | I don't know; I do not know
            Yo soy/Soy Cecilia               | Yo soy Cecilia; Soy Cecilia
            Tú eres/Eres grande              | Tú eres grande; Eres grande
            the dog/cat runs                 | the dog runs; the cat runs
            the big/small dog                | the big dog; the small dog
            Good morning/day!                | Good morning; Good day!
            a/the/one dog                    | a dog; the dog; one dog
            I am / I'm here                  | I am here; I'm here
            hello/hi                         | hello; hi
            """)
    void alternatesTheWordGroupsBesideASlash(String shorthand, String answers) {
        assertThat(AnswerChecker.expand(shorthand)).containsExactlyElementsOf(list(answers));
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            (a/the) dog                      | a dog; the dog; dog
            I am/I'm (very) happy            | I am very happy; I am happy; I'm very happy; I'm happy
            the dog/cat (is) here/there      | the dog is here; the dog is there; the dog here; the dog there; the cat is here; the cat is there; the cat here; the cat there
            """)
    void combinesSlashesAndParentheses(String shorthand, String answers) {
        assertThat(AnswerChecker.expand(shorthand)).containsExactlyInAnyOrderElementsOf(list(answers));
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            1/2 cup                          | 1/2 cup
            24/7                             | 24/7
            /dog                             | dog
            dog/                             | dog
            a//b                             | a; b
            (the dog                         | (the dog
            the dog)                         | the dog
            ()dog                            | dog
            dog/dog                          | dog
            a/b//c dog                       | a dog; c dog; b dog
            (dog) (dog)                      | dog dog; dog
            """)
    void copesWithOddShorthand(String shorthand, String answers) {
        assertThat(AnswerChecker.expand(shorthand)).containsExactlyElementsOf(list(answers));
    }

    @Test
    void givesNothingForNothing() {
        assertThat(AnswerChecker.expand(null)).isEmpty();
        assertThat(AnswerChecker.expand("")).isEmpty();
        assertThat(AnswerChecker.expand("   ")).isEmpty();
        assertThat(AnswerChecker.expand("()")).isEmpty();
        assertThat(AnswerChecker.expand("/")).isEmpty();
    }

    @Test
    void keepsAtMost64AnswersFromOneShorthandAnswer() {
        List<String> answers = AnswerChecker.expand("(a/b/c/d) (e/f/g/h) (i/j/k/l) (m/n/o/p) (q/r/s/t) x");
        assertThat(answers).hasSize(64).doesNotHaveDuplicates().allMatch(answer -> answer.endsWith("x"));
        assertThat(answers.getFirst()).isEqualTo("a e i m q x");

        String runaway = "a/b/c/d (e/f/g/h) (i/j) ".repeat(40); // 2^200 readings: must stop early, not hang
        assertThat(AnswerChecker.expand(runaway)).isNotEmpty().hasSizeLessThanOrEqualTo(64);
    }

    private static List<String> list(String answers) {
        return Arrays.stream(answers.split(";")).map(String::strip).toList();
    }
}

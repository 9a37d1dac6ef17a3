"""Reading what a person typed into terms: phrases, words, nothing passed through as syntax."""

from search.query import MAX_TERMS, parse


def test_words_and_quoted_phrases():
    query = parse('good "preventing crime" Force')

    assert query.terms == (("good",), ("preventing", "crime"), ("force",))


def test_an_unclosed_quote_is_a_phrase_to_the_end():
    assert parse('"treating the public').terms == (("treating", "the", "public"),)


def test_punctuation_inside_a_word_makes_a_phrase_of_its_parts():
    assert parse("force's 2023/25").terms == (("force", "s"), ("2023", "25"))


def test_query_syntax_is_just_words():
    query = parse('NEAR(a b) crime* -theft "x" OR body:y & !z | (w)')

    flat = [word for term in query.terms for word in term]
    assert all(word.isalnum() or "_" in word for word in flat)
    assert ("near", "a") in query.terms or ("near",) in query.terms


def test_empty_and_repeated_terms():
    assert not parse("")
    assert not parse('  "" ')
    assert parse("crime crime").terms == (("crime",),)


def test_the_number_of_terms_is_bounded():
    query = parse(" ".join(f"word{n}" for n in range(50)))

    assert len(query.terms) == MAX_TERMS

"""Coverage of news phrasings added to data/events/patterns.yaml: diplomatic ties, shared
expertise, military build-up and alerts, humanitarian evacuations and airlifts, bans on
protests, travel for talks, and vows of force. Sentences are ours, written for these tests;
each pins the main event's CAMEO code and PLOVER type so a later dictionary edit that
changes the reading shows up here."""

from __future__ import annotations

import pytest

from eventlens.evaluate.sentences import code_sentences, main_event


def _main(coder, text: str):
    (events,) = code_sentences([text], coder)
    return main_event(events), events


CASES = [
    # 1. diplomatic relations: opening or restoring ties is recognition (054); cutting them 161
    ("Chile and Vietnam established diplomatic relations on Monday.", "054", "SUPPORT"),
    ("Morocco restored diplomatic ties with Iran after a seven-year break.", "054", "SUPPORT"),
    ("Bolivia and Israel resumed diplomatic relations in 2019.", "054", "SUPPORT"),
    ("Bahrain normalised relations with Qatar last week.", "054", "SUPPORT"),
    ("Peru reestablished diplomatic relations with Venezuela.", "054", "SUPPORT"),
    ("Oman upgraded its diplomatic mission in Syria to an embassy.", "054", "SUPPORT"),
    ("Saudi Arabia reopened its embassy in Damascus.", "054", "SUPPORT"),
    ("Japan upgraded its relations with Mongolia to a strategic partnership.", "050", "SUPPORT"),
    ("Egypt strengthened ties with Sudan.", "050", "SUPPORT"),
    ("Turkey and Israel restored trade ties.", "061", "COOPERATE"),
    ("Argentina ended diplomatic relations with Nicaragua.", "161", "SANCTION"),
    ("Ecuador downgraded diplomatic ties with Sweden.", "161", "SANCTION"),
    ("Nicaragua broke off diplomatic relations with Taiwan.", "161", "SANCTION"),
    # 2. sharing expertise, know-how, technology (061/062) and information (064)
    ("Norway shared its know-how in offshore energy with Ghana.", "061", "COOPERATE"),
    ("Denmark and Sweden exchanged experience in border management.", "061", "COOPERATE"),
    ("India transferred military technology to Vietnam.", "062", "COOPERATE"),
    ("Israel shared intelligence with Jordan about the plot.", "064", "COOPERATE"),
    ("Colombia shared its findings with Ecuadorian investigators.", "064", "COOPERATE"),
    # 3. military build-up (154, police 153) and alert status (152)
    ("Russia strengthened its forces along the border with Finland.", "154", "MOBILIZE"),
    ("The Pentagon is bolstering its military presence in the Gulf.", "154", "MOBILIZE"),
    ("Turkey beefed up its garrison on the island.", "154", "MOBILIZE"),
    ("China increased its troops along the Indian border.", "154", "MOBILIZE"),
    ("Egypt massed troops on the Libyan border.", "154", "MOBILIZE"),
    ("Serbian troops remained on high alert near Kosovo.", "152", "MOBILIZE"),
    ("The Algerian army stays on alert in the south.", "152", "MOBILIZE"),
    ("Pakistan placed its air force on alert.", "152", "MOBILIZE"),
    # 4. humanitarian evacuations and airlifts (073)
    ("Jordanian helicopters evacuated the wounded from the camp.", "073", "AID"),
    ("The Red Cross evacuated injured civilians from Mariupol.", "073", "AID"),
    ("Germany airlifted food and medicine to Kabul.", "073", "AID"),
    ("Canada airlifted aid to Haiti.", "073", "AID"),
    # 5. banning or preventing a rally restricts assembly (1721); force is 175
    ("Police in Minsk prevented a demonstration by opposition supporters.", "1721", "COERCE"),
    ("The governor prohibited all protests in the capital.", "1721", "COERCE"),
    ("The Thai government forbade public gatherings of more than five people.", "1721", "COERCE"),
    ("Police in Lima prevented journalists from entering the court.", "1721", "COERCE"),
    ("Riot police broke up a rally in Tbilisi.", "175", "ASSAULT"),
    # 6. coming or returning somewhere for talks (040) or negotiations (046)
    ("Rebel negotiators returned to Doha for talks with the government.", "040", "CONSULT"),
    ("Iraqi leaders gathered in Erbil for talks on the budget.", "040", "CONSULT"),
    ("The Colombian delegation returned to Havana for negotiations with the rebels.", "046", "CONSULT"),
    ("The Irish minister had a meeting with the British envoy.", "040", "CONSULT"),
    ("Iran entered into negotiations with the IAEA.", "046", "CONSULT"),
    # 7. vows, oaths and pledges of force are threats (138, occupation 1382)
    ("Hezbollah swore to destroy the Israeli army.", "138", "THREATEN"),
    ("The militia vowed to attack government forces in the south.", "138", "THREATEN"),
    ("The junta pledged to crush the rebels in the east.", "138", "THREATEN"),
    ("Armenia vowed to retake the lost villages.", "1382", "THREATEN"),
]


@pytest.mark.parametrize(("text", "code", "plover"), CASES)
def test_main_event_code_and_plover_type(coder, text, code, plover):
    ev, events = _main(coder, text)
    assert ev is not None, (text, [e.explanation for e in events])
    assert ev.cameo == code, (text, ev.explanation)
    assert ev.plover.event == plover, (text, ev.plover.event)


@pytest.mark.parametrize(("text", "not_plover"), [
    ("The government pledged to wipe out poverty by 2030.", "THREATEN"),
    ("The company expanded its presence in Asian markets.", "MOBILIZE"),
    ("Mr Ruto was sworn in as president on Tuesday.", "THREATEN"),
    ("The Croatian envoy arrived in Belgrade for talks on the border dispute.", "AID"),
])
def test_ambiguous_phrasings_are_not_misread(coder, text, not_plover):
    ev, events = _main(coder, text)
    assert ev is None or ev.plover.event != not_plover, (text, [e.explanation for e in events])

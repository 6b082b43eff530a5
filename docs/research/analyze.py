#!/usr/bin/env python3
"""Figures and spot-check for the TSV tables written by build_senses.py.

python3 analyze.py out/senses_all.tsv [more.tsv ...] [--spot] [--defs out/ili_defs_en.tsv]
"""
import argparse
import collections
import json
import sys

LANGS = ["en", "fr", "es", "de", "ru", "id"]

# English news word -> candidate translations (lemma forms) per language.
# Several candidates are allowed; a language "matches" if ANY candidate
# shares at least one sense id with the English word.
SPOT = {
    "die":        {"fr": ["mourir", "décéder"], "es": ["morir", "fallecer"], "de": ["sterben"], "ru": ["умереть", "умирать", "погибнуть"], "id": ["meninggal", "mati", "tewas", "wafat"]},
    "kill":       {"fr": ["tuer"], "es": ["matar"], "de": ["töten"], "ru": ["убить", "убивать"], "id": ["membunuh", "bunuh"]},
    "injure":     {"fr": ["blesser"], "es": ["herir", "lesionar"], "de": ["verletzen"], "ru": ["ранить", "травмировать"], "id": ["melukai", "mencederai"]},
    "evacuate":   {"fr": ["évacuer"], "es": ["evacuar"], "de": ["evakuieren", "räumen"], "ru": ["эвакуировать"], "id": ["mengungsikan", "mengevakuasi", "evakuasi"]},
    "flood":      {"fr": ["inondation", "crue"], "es": ["inundación", "riada"], "de": ["überschwemmung", "hochwasser", "flut"], "ru": ["наводнение", "потоп"], "id": ["banjir"]},
    "earthquake": {"fr": ["séisme", "tremblement de terre"], "es": ["terremoto", "sismo", "seísmo"], "de": ["erdbeben", "beben"], "ru": ["землетрясение"], "id": ["gempa", "gempa bumi"]},
    "fire":       {"fr": ["incendie", "feu"], "es": ["incendio", "fuego"], "de": ["brand", "feuer"], "ru": ["пожар", "огонь"], "id": ["kebakaran", "api"]},
    "election":   {"fr": ["élection", "scrutin"], "es": ["elección", "elecciones"], "de": ["wahl"], "ru": ["выборы", "избрание"], "id": ["pemilihan", "pemilu"]},
    "vote":       {"fr": ["voter", "vote", "scrutin"], "es": ["votar", "voto", "votación"], "de": ["abstimmen", "stimme", "abstimmung", "wählen"], "ru": ["голосовать", "голосование", "голос"], "id": ["memilih", "suara", "pemungutan suara"]},
    "resign":     {"fr": ["démissionner"], "es": ["dimitir", "renunciar"], "de": ["zurücktreten", "abdanken"], "ru": ["уйти в отставку", "отставка", "отказаться"], "id": ["mengundurkan diri", "berhenti"]},
    "arrest":     {"fr": ["arrêter", "arrestation", "interpeller"], "es": ["arrestar", "detener", "arresto", "detención"], "de": ["verhaften", "festnehmen", "festnahme", "verhaftung"], "ru": ["арестовать", "арест", "задержать", "задержание"], "id": ["menangkap", "penangkapan", "tangkap"]},
    "sentence":   {"fr": ["condamner", "peine", "condamnation", "sentence"], "es": ["condenar", "sentencia", "condena"], "de": ["verurteilen", "urteil", "strafe"], "ru": ["приговор", "приговорить"], "id": ["hukuman", "menghukum", "vonis"]},
    "court":      {"fr": ["tribunal", "cour"], "es": ["tribunal", "corte", "juzgado"], "de": ["gericht", "gerichtshof"], "ru": ["суд"], "id": ["pengadilan", "mahkamah"]},
    "deny":       {"fr": ["nier", "démentir"], "es": ["negar", "desmentir"], "de": ["leugnen", "bestreiten", "dementieren"], "ru": ["отрицать", "опровергать", "опровергнуть"], "id": ["menyangkal", "membantah"]},
    "accuse":     {"fr": ["accuser"], "es": ["acusar"], "de": ["beschuldigen", "anklagen", "vorwerfen"], "ru": ["обвинять", "обвинить"], "id": ["menuduh", "mendakwa"]},
    "rebellion":  {"fr": ["rébellion", "insurrection", "révolte"], "es": ["rebelión", "insurrección", "sublevación"], "de": ["rebellion", "aufstand", "aufruhr"], "ru": ["мятеж", "восстание", "бунт"], "id": ["pemberontakan"]},
    "ceasefire":  {"fr": ["cessez-le-feu", "trêve"], "es": ["alto el fuego", "tregua", "cese el fuego"], "de": ["waffenstillstand", "waffenruhe"], "ru": ["перемирие", "прекращение огня"], "id": ["gencatan senjata"]},
    "vaccine":    {"fr": ["vaccin"], "es": ["vacuna"], "de": ["impfstoff", "vakzin"], "ru": ["вакцина"], "id": ["vaksin"]},
    "outbreak":   {"fr": ["épidémie", "flambée", "éruption", "déclenchement"], "es": ["brote", "estallido"], "de": ["ausbruch"], "ru": ["вспышка"], "id": ["wabah", "pecahnya"]},
    "flight":     {"fr": ["vol"], "es": ["vuelo"], "de": ["flug"], "ru": ["рейс", "полёт", "полет"], "id": ["penerbangan"]},
    "cancel":     {"fr": ["annuler"], "es": ["cancelar", "anular"], "de": ["absagen", "stornieren", "streichen", "annullieren"], "ru": ["отменить", "отменять"], "id": ["membatalkan", "batal"]},
    "strike":     {"fr": ["grève"], "es": ["huelga"], "de": ["streik"], "ru": ["забастовка", "стачка"], "id": ["pemogokan", "mogok"]},
    "protest":    {"fr": ["manifestation", "protestation", "protester", "manifester"], "es": ["protesta", "protestar", "manifestación"], "de": ["protest", "protestieren", "demonstration"], "ru": ["протест", "протестовать", "демонстрация"], "id": ["protes", "unjuk rasa", "demonstrasi"]},
    "bankruptcy": {"fr": ["faillite", "banqueroute"], "es": ["quiebra", "bancarrota"], "de": ["insolvenz", "konkurs", "bankrott", "pleite"], "ru": ["банкротство"], "id": ["kebangkrutan", "kepailitan", "bangkrut", "pailit"]},
    "tariff":     {"fr": ["tarif", "droit de douane"], "es": ["arancel", "tarifa"], "de": ["zoll", "tarif"], "ru": ["пошлина", "тариф"], "id": ["tarif", "bea"]},
    "inflation":  {"fr": ["inflation"], "es": ["inflación"], "de": ["inflation", "teuerung"], "ru": ["инфляция"], "id": ["inflasi"]},
    "launch":     {"fr": ["lancer", "lancement"], "es": ["lanzar", "lanzamiento"], "de": ["starten", "start", "abschießen"], "ru": ["запустить", "запуск", "запускать"], "id": ["meluncurkan", "peluncuran"]},
    "rocket":     {"fr": ["fusée", "roquette"], "es": ["cohete"], "de": ["rakete"], "ru": ["ракета"], "id": ["roket"]},
    "treaty":     {"fr": ["traité"], "es": ["tratado"], "de": ["vertrag", "abkommen"], "ru": ["договор"], "id": ["perjanjian", "traktat"]},
    "sanction":   {"fr": ["sanction"], "es": ["sanción"], "de": ["sanktion"], "ru": ["санкция", "санкции"], "id": ["sanksi"]},
}


def load(path):
    t = {l: {} for l in LANGS}
    with open(path, encoding="utf-8") as f:
        for line in f:
            lang, lemma, ids = line.rstrip("\n").split("\t")
            t[lang][lemma] = ids.split(",")
    return t


def figures(t):
    ili_langs = collections.defaultdict(set)
    for l in LANGS:
        for ids in t[l].values():
            for i in ids:
                ili_langs[i].add(l)
    res = {}
    for l in LANGS:
        lem = t[l]
        n = len(lem)
        pairs = sum(len(v) for v in lem.values())
        with_en = sum(1 for v in lem.values() if any("en" in ili_langs[i] for i in v))
        with_other = sum(1 for v in lem.values()
                         if any(len(ili_langs[i] - {l}) > 0 for i in v))
        with_all = sum(1 for v in lem.values() if any(len(ili_langs[i]) == 6 for i in v))
        ilis = set(i for v in lem.values() for i in v)
        res[l] = dict(lemmas=n, pairs=pairs,
                      senses_per_lemma=round(pairs / n, 2) if n else 0,
                      max_senses=max((len(v) for v in lem.values()), default=0),
                      distinct_ids=len(ilis),
                      lemmas_sharing_id_with_en=with_en,
                      lemmas_sharing_id_with_another_lang=with_other,
                      lemmas_with_id_present_in_all6=with_all)
    dist = collections.Counter(len(s) for s in ili_langs.values())
    res["_ids_by_number_of_languages"] = dict(sorted(dist.items()))
    pairs_en = collections.Counter()
    return res


def spot(t, defs):
    rows = []
    for w, tr in SPOT.items():
        en = set(t["en"].get(w, []))
        row = {"en": w, "en_senses": len(en)}
        for l in LANGS[1:]:
            hit = None
            present = []
            for cand in tr[l]:
                ids = t[l].get(cand)
                if ids is None:
                    continue
                present.append(cand)
                shared = [i for i in ids if i in en]
                if shared:
                    hit = (cand, shared[0])
                    break
            if hit:
                row[l] = "%s (%s)" % hit
            elif present:
                row[l] = "NO: %s has no shared id" % "/".join(present)
            else:
                row[l] = "NO: not in table"
        rows.append(row)
    return rows


def cross(t):
    """False-friend proxy: English word A vs the translations of a DIFFERENT
    spot word B.  Returns the list of (A, lang, B, candidate, shared id)."""
    hits = []
    for a in SPOT:
        en = set(t["en"].get(a, []))
        for b, tr in SPOT.items():
            if a == b:
                continue
            for l in LANGS[1:]:
                for cand in tr[l]:
                    shared = [i for i in t[l].get(cand, []) if i in en]
                    if shared:
                        hits.append((a, l, b, cand, shared[0]))
                        break
    return hits


def pairwise(t):
    """For each spot word and each of the 15 language pairs: do the two
    languages' candidate lemmas (union of their senses) share an id?"""
    import itertools
    ok = collections.Counter()
    for w, tr in SPOT.items():
        sets = {"en": set(t["en"].get(w, []))}
        for l in LANGS[1:]:
            sets[l] = set(i for c in tr[l] for i in t[l].get(c, []))
        for a, b in itertools.combinations(LANGS, 2):
            if sets[a] & sets[b]:
                ok[a + "-" + b] += 1
    return ok


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("tsv", nargs="+")
    ap.add_argument("--spot", action="store_true")
    ap.add_argument("--defs")
    ap.add_argument("--json")
    args = ap.parse_args()
    defs = {}
    if args.defs:
        with open(args.defs, encoding="utf-8") as f:
            for line in f:
                i, d = line.rstrip("\n").split("\t", 1)
                defs[i] = d
    allres = {}
    for p in args.tsv:
        t = load(p)
        r = {"figures": figures(t)}
        if args.spot:
            r["spot"] = spot(t, defs)
        allres[p] = r
        print("==", p)
        print("lang lemmas pairs s/lemma max ids share_en share_other id_in_all6")
        for l in LANGS:
            f = r["figures"][l]
            print(l, f["lemmas"], f["pairs"], f["senses_per_lemma"], f["max_senses"],
                  f["distinct_ids"], f["lemmas_sharing_id_with_en"],
                  f["lemmas_sharing_id_with_another_lang"], f["lemmas_with_id_present_in_all6"])
        print("ids by #languages:", r["figures"]["_ids_by_number_of_languages"])
        if args.spot:
            score = collections.Counter()
            print("| en | senses | fr | es | de | ru | id |")
            print("|---|---|---|---|---|---|---|")
            for row in r["spot"]:
                cells = []
                for l in LANGS[1:]:
                    c = row[l]
                    if not c.startswith("NO"):
                        score[l] += 1
                    cells.append(c)
                print("| %s | %d | %s |" % (row["en"], row["en_senses"], " | ".join(cells)))
            print("matched of %d:" % len(SPOT), dict(score))
            allres[p]["spot_score"] = dict(score)
            pw = pairwise(t)
            allres[p]["pairwise"] = dict(pw)
            print("pairwise (of %d words):" % len(SPOT), " ".join("%s:%d" % kv for kv in sorted(pw.items())),
                  " mean=%.1f" % (sum(pw.values()) / 15.0))
            hits = cross(t)
            allres[p]["cross_hits"] = hits
            print("cross-word matches (English A ~ translation of other word B), of %d pairs: %d"
                  % (len(SPOT) * (len(SPOT) - 1) * 5, len(hits)))
            for h in hits:
                print("   %s ~ %s:%s (%s) via %s %s" % (h[0], h[1], h[3], h[2], h[4], defs.get(h[4], "")[:70]))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(allres, f, indent=1, ensure_ascii=False)
        if defs:
            pass


if __name__ == "__main__":
    main()

"""Actor code vocabularies shared by the knowledge base, its build script and
user actor files: PLOVER sector codes, CAMEO agent codes and non-state prefixes.
"""

from __future__ import annotations

__all__ = ["CAMEO_TO_PLOVER", "NONSTATE_PREFIXES", "PLOVER_SECTORS", "plover_to_cameo"]

#: CAMEO agent codes (3-letter chunks after the country) → PLOVER sector.
#: CAMEO's MED is media (PLOVER JRN); CAMEO's HLH is health (PLOVER MED).
CAMEO_TO_PLOVER: dict[str, str | None] = {
    "GOV": "GOV",
    "MIL": "MIL",
    "REB": "REB",
    "INS": "REB",
    "SEP": "REB",
    "OPP": "OPP",
    "COP": "COP",
    "JUD": "JUD",
    "LEG": "LEG",
    "MED": "JRN",
    "HLH": "MED",
    "BUS": "BUS",
    "MNC": "BUS",
    "CVL": "CVL",
    "PPL": "CVL",
    "EDU": "EDU",
    "REF": "REF",
    "ELI": "ELI",
    "SPY": "SPY",
    "PTY": "PTY",
    "LAB": "LAB",
    "AGR": "AGR",
    "CRM": "CRM",
    "UAF": "UAF",
    "PRM": "PRM",
    "HRI": "SOC",
    "ENV": "SOC",
    "NGM": "SOC",
    "DEV": "SOC",
    "REL": "REL",
    "MUS": "REL",
    "CHR": "REL",
    "JEW": "REL",
    "HIN": "REL",
    "BUD": "REL",
    "CTH": "REL",
    "SHI": "REL",
    "SUN": "REL",
    "IGO": "IGO",
    "NGO": "NGO",
    "IMG": "REB",
    "RAD": None,
    "MOD": None,
}
#: PLOVER sector codes (PLOVER manual, table "Sector Codes") plus the
#: country-slot codes the agent files use as sectors.
PLOVER_SECTORS = {
    "COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK",
    "AGR", "BUS", "CRM", "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP",
    "PRE", "REL", "SOC", "IGO", "NGO",
}  # fmt: skip
#: Non-state prefixes of CAMEO actor codes (first three letters).
NONSTATE_PREFIXES = frozenset({"IGO", "NGO", "IMG", "MNC", "NGM"})


def plover_to_cameo(sector: str | None) -> str:
    """The CAMEO agent code of a PLOVER sector (they differ for JRN, MED, SOC)."""
    return {"JRN": "MED", "MED": "HLH", "SOC": "NGM"}.get(sector or "", sector or "")

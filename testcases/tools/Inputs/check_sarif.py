#!/usr/bin/env python3
"""Checks a SARIF log against what SARIF 2.1.0 requires and what GitHub code
scanning needs to ingest it, then prints a summary for FileCheck.

Required by the 2.1.0 schema: version, runs[], run.tool.driver.name,
result.message (text), reportingDescriptor.id, artifactLocation.uri, region
start lines >= 1.  Required by GitHub: stable ruleId on every result, rules
with fullDescription and help (GH2012), locations with a region, and
partialFingerprints.  URIs must be RFC 3986 percent-encoded ("%20", never
"%0x20").  With --resolve, every URI is decoded back to a path (against
originalUriBaseIds for relative ones), which must exist; the paths are
printed as "path PATH".  Exits 1 listing every violation."""
import json
import os
import re
import sys
import urllib.parse

errors = []
resolved = []
# RFC 3986: unreserved, sub-delims, ':', '@' and '/' as themselves, every
# other octet as '%' and two hex digits.
URI_PATH = re.compile(r"^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})*$")



def need(cond, where, what):
    if not cond:
        errors.append("%s: %s" % (where, what))
    return cond


def check_region(region, where):
    if not need(isinstance(region, dict), where, "region missing"):
        return
    if not need(isinstance(region.get("startLine"), int) and
                region["startLine"] >= 1,
                where, "region.startLine must be an integer >= 1"):
        return
    for key in ("startColumn", "endLine", "endColumn"):
        if key in region:
            need(isinstance(region[key], int) and region[key] >= 1, where,
                 "region.%s must be an integer >= 1" % key)
    if "endLine" in region:
        need(region["endLine"] >= region["startLine"], where,
             "region ends before it starts")
        if region["endLine"] == region["startLine"] and "endColumn" in region:
            need(region["endColumn"] >= region.get("startColumn", 1), where,
                 "endColumn before startColumn")


def check_artifact(loc, where, base_ids):
    if not need(isinstance(loc, dict), where, "artifactLocation missing"):
        return
    uri = loc.get("uri")
    need(isinstance(uri, str) and uri, where, "artifactLocation.uri missing")
    if "uriBaseId" in loc:
        need(loc["uriBaseId"] in base_ids, where,
             "uriBaseId %r not in originalUriBaseIds" % loc["uriBaseId"])
        need(not uri.startswith("/") and "://" not in uri, where,
             "uri with a uriBaseId must be relative")
    else:
        need(uri.startswith("file://"), where,
             "uri without uriBaseId must be an absolute file:// URI")
    if not isinstance(uri, str):
        return
    path = uri[len("file://"):] if uri.startswith("file://") else uri
    if not need(URI_PATH.match(path), where,
                "uri %r is not percent-encoded as RFC 3986 says" % uri):
        return
    if RESOLVE:
        base = base_ids.get(loc.get("uriBaseId"), {}).get("uri", "")
        full = urllib.parse.urljoin(base, uri) if base else uri
        parsed = urllib.parse.urlsplit(full)
        need(parsed.scheme == "file" and not parsed.query and
             not parsed.fragment, where, "uri %r is not a plain file URI" % full)
        decoded = urllib.parse.unquote(parsed.path, errors="strict")
        need(os.path.exists(decoded), where,
             "uri %r decodes to %r, which does not exist" % (full, decoded))
        resolved.append(decoded)


def check_snippets(phys, where):
    """A region's snippet is exactly the region's text; the context region
    holds the whole line (columns count UTF-16 units, which equal Python's
    code points for the text used here)."""
    region, context = phys.get("region", {}), phys.get("contextRegion")
    if not context or "snippet" not in region:
        return
    line = context.get("snippet", {}).get("text", "")
    need(context.get("startLine") == region["startLine"], where,
         "contextRegion is not the region's line")
    if region.get("endLine", region["startLine"]) == region["startLine"]:
        text = line[region["startColumn"] - 1:region.get("endColumn", 1) - 1]
        need(text == region["snippet"]["text"], where,
             "region snippet %r is not the region's text %r" %
             (region["snippet"]["text"], text))


def check_physical(phys, where, base_ids, need_region=True):
    if not need(isinstance(phys, dict), where, "physicalLocation missing"):
        return
    check_artifact(phys.get("artifactLocation"), where, base_ids)
    if need_region or "region" in phys:
        check_region(phys.get("region"), where)
    check_snippets(phys, where)


RESOLVE = "--resolve" in sys.argv[1:]


def main():
    args = [a for a in sys.argv[1:] if a != "--resolve"]
    with open(args[0]) as f:
        log = json.load(f)
    need(log.get("version") == "2.1.0", "log", "version must be 2.1.0")
    need("sarif-2.1.0" in log.get("$schema", ""), "log", "$schema")
    runs = log.get("runs")
    if not need(isinstance(runs, list) and len(runs) == 1, "log", "one run"):
        return report(log)
    run = runs[0]
    driver = run.get("tool", {}).get("driver", {})
    need(driver.get("name") == "sliceguard", "driver", "name")
    for key in ("version", "informationUri"):
        need(isinstance(driver.get(key), str) and driver[key], "driver", key)
    base_ids = run.get("originalUriBaseIds", {})
    for name, base in base_ids.items():
        need(base.get("uri", "").startswith("file:///") and
             base["uri"].endswith("/"), "originalUriBaseIds." + name,
             "must be an absolute file URI ending in /")
    rules = driver.get("rules", [])
    ids = [r.get("id") for r in rules]
    need(len(set(ids)) == len(ids), "rules", "duplicate rule ids")
    for r in rules:
        where = "rule %s" % r.get("id")
        need(isinstance(r.get("id"), str) and r["id"].startswith("sliceguard-"),
             where, "id")
        for key in ("shortDescription", "fullDescription"):
            need(r.get(key, {}).get("text"), where, key + ".text")
        need(r.get("help", {}).get("text") and r["help"].get("markdown"),
             where, "help.text and help.markdown")
        need(r.get("helpUri", "").startswith("http"), where, "helpUri")
    results = run.get("results")
    need(isinstance(results, list), "run", "results array")
    counts = {"results": 0, "suppressed": 0, "related": 0, "fixes": 0}
    for i, res in enumerate(results or []):
        where = "result %d" % i
        counts["results"] += 1
        rid = res.get("ruleId")
        need(rid in ids, where, "ruleId %r is not a rule" % rid)
        if "ruleIndex" in res:
            need(0 <= res["ruleIndex"] < len(rules) and
                 rules[res["ruleIndex"]]["id"] == rid, where, "ruleIndex")
        need(res.get("level") in ("warning", "error", "note"), where, "level")
        need(res.get("message", {}).get("text"), where, "message.text")
        locs = res.get("locations", [])
        need(len(locs) == 1, where, "exactly one location")
        for loc in locs:
            check_physical(loc.get("physicalLocation"), where, base_ids)
        need(res.get("partialFingerprints"), where, "partialFingerprints")
        for rel in res.get("relatedLocations", []):
            counts["related"] += 1
            need(isinstance(rel.get("id"), int), where, "relatedLocation.id")
            need(rel.get("message", {}).get("text"), where,
                 "relatedLocation.message")
            check_physical(rel.get("physicalLocation"), where, base_ids)
        for fix in res.get("fixes", []):
            counts["fixes"] += 1
            changes = fix.get("artifactChanges")
            need(changes, where, "fix.artifactChanges")
            for ch in changes or []:
                check_artifact(ch.get("artifactLocation"), where, base_ids)
                need(ch.get("replacements"), where, "replacements")
                for rep in ch.get("replacements", []):
                    check_region(rep.get("deletedRegion"), where + " fix")
        for sup in res.get("suppressions", []):
            counts["suppressed"] += 1
            need(sup.get("kind") in ("inSource", "external"), where,
                 "suppression.kind")
    report(log, counts)


def report(log, counts=None):
    for e in errors:
        print("SARIF ERROR: " + e)
    for path in sorted(set(resolved)):
        print("path " + path)
    if counts:
        print("sarif: %(results)d results, %(suppressed)d suppressed, "
              "%(related)d related locations, %(fixes)d fixes" % counts)
        for res in log["runs"][0]["results"]:
            loc = res["locations"][0]["physicalLocation"]
            reg = loc["region"]
            print("result %s %s %s:%d:%d-%d:%d%s" % (
                res["ruleId"], res["level"], loc["artifactLocation"]["uri"],
                reg.get("startLine", 0), reg.get("startColumn", 0), reg.get("endLine", 0),
                reg.get("endColumn", 0),
                " suppressed" if res.get("suppressions") else ""))
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()

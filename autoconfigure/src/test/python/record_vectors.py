#!/usr/bin/python3
"""Record oauthlib parity vectors from the real library.

Run with Debian's interpreter, which sees Debian's python3-oauthlib (3.2.2):

    /usr/bin/python3 autoconfigure/src/test/python/record_vectors.py
        -> rewrites autoconfigure/src/test/resources/oauthlib/extra-vectors.json from CASES below

    /usr/bin/python3 record_vectors.py --cases in.json --out out.json
        -> fills in "expect" for cases written by someone else (OAuthlibDifferentialTest uses this)

The format is the one of shared/oauthlib-vectors.json: a list of
{"id", "note"?, "op", "ctor", "args", "env"?, "at"?, "before"?, "expect"}. time.time() is frozen at the epoch
second 1700000000 (+ "at" for the operation itself); expires_at values in tokens and the client's _expires_at are
written {"$now_plus": seconds, "py_type": "int"|"float"}. Input markers: {"$tuple": [...]}, {"$set": [...]},
{"$float": "nan"}, {"$now_plus": n} (a float). Expectations are never typed by hand: they are whatever oauthlib did.
"""
import json
import math
import os
import sys
import time

if os.environ.get("PYTHONHASHSEED") != "0":
    # Python prints sets (scope-change messages) in hash order; a fixed seed keeps the recorded file stable.
    os.execve(sys.executable, [sys.executable] + sys.argv, dict(os.environ, PYTHONHASHSEED="0"))

import oauthlib
from oauthlib import signals
from oauthlib.oauth2 import BackendApplicationClient
from oauthlib.oauth2.rfc6749 import errors

BASE = 1700000000
ENV_VARS = ("OAUTHLIB_INSECURE_TRANSPORT", "OAUTHLIB_RELAX_TOKEN_SCOPE", "OAUTHLIB_STRICT_TOKEN_TYPE")
_now = [float(BASE)]
time.time = lambda: _now[0]  # oauthlib calls time.time() through the module attribute

_signals = []


def _on_scope_changed(sender, message=None, old=None, new=None, **kwargs):
    _signals.append({"message": message, "old_sorted": sorted(old), "new_sorted": sorted(new)})


signals.scope_changed.connect(_on_scope_changed)


def decode(v):
    if isinstance(v, dict):
        if len(v) == 1 and "$tuple" in v:
            return tuple(decode(x) for x in v["$tuple"])
        if len(v) == 1 and "$set" in v:
            return set(decode(x) for x in v["$set"])
        if len(v) == 1 and "$float" in v:
            return float(v["$float"])
        if "$now_plus" in v:
            return BASE + v["$now_plus"] if v.get("py_type") == "int" else float(BASE + v["$now_plus"])
        return {k: decode(x) for k, x in v.items()}
    if isinstance(v, list):
        return [decode(x) for x in v]
    return v


def encode(v):
    if isinstance(v, (tuple, list)):
        return [encode(x) for x in v]
    if isinstance(v, set):
        return sorted(encode(x) for x in v)
    if isinstance(v, dict):
        return {str(k): encode(x) for k, x in v.items()}
    return v


def encode_time(v):
    """expires_at / _expires_at relative to BASE, when that is exact."""
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        return encode(v)
    if isinstance(v, float) and not math.isfinite(v):
        return v
    delta = v - BASE
    if isinstance(v, float) and float(BASE + delta) != v:
        return v
    if isinstance(v, float) and delta == int(delta):
        delta = int(delta)
    return {"$now_plus": delta, "py_type": "float" if isinstance(v, float) else "int"}


def encode_token(token):
    return {str(k): (encode_time(x) if k == "expires_at" else encode(x)) for k, x in dict(token).items()}


def snapshot(client):
    return {
        "client_id": encode(client.client_id),
        "default_token_placement": encode(client.default_token_placement),
        "token_type": encode(client.token_type),
        "access_token": encode(client.access_token),
        "refresh_token": encode(client.refresh_token),
        "mac_key": encode(client.mac_key),
        "mac_algorithm": encode(client.mac_algorithm),
        "scope": encode(client.scope),
        "state": encode(client.state),
        "redirect_url": encode(client.redirect_url),
        "expires_in": encode(client.expires_in),
        "_expires_at": encode_time(client._expires_at),
        "token": encode_token(client.token) if isinstance(client.token, dict) else encode(client.token),
    }


def normalize_scope_message(message):
    prefix, rest = 'Scope has changed from "', message
    if not rest.startswith(prefix) or not rest.endswith('".'):
        return message
    old, new = rest[len(prefix):-2].split('" to "', 1)
    return 'Scope has changed from "%s" to "%s".' % (" ".join(sorted(old.split(" "))), " ".join(sorted(new.split(" "))))


def error_expect(e):
    out = {
        "error": type(e).__name__,
        "message": str(e),
        "bases": [c.__name__ for c in type(e).__mro__[1:] if c not in (BaseException, object)],
    }
    if isinstance(e, errors.OAuth2Error):
        out["attrs"] = {"error": encode(e.error), "description": encode(e.description), "uri": encode(e.uri),
                        "state": encode(e.state), "status_code": e.status_code}
    elif type(e) is Warning and hasattr(e, "token"):
        out["attrs"] = {"old_scope_sorted": sorted(e.old_scope), "new_scope_sorted": sorted(e.new_scope),
                        "token": encode_token(e.token), "message_normalized": normalize_scope_message(str(e))}
    return out


def call(client, op, args):
    if op == "prepare_request_body":
        return client.prepare_request_body(**args)
    if op in ("prepare_token_request", "prepare_refresh_token_request", "prepare_token_revocation_request"):
        url, headers, body = getattr(client, op)(**args)
        return {"url": url, "headers": dict(headers), "body": body}
    if op == "parse_request_body_response":
        return client.parse_request_body_response(**args)
    if op == "add_token":
        uri, headers, body = client.add_token(**args)
        return {"uri": uri, "headers": None if headers is None else dict(headers), "body": body}
    if op in ("populate_token_attributes", "populate_code_attributes"):
        return getattr(client, op)(args["response"])
    if op == "ctor":
        return None
    return getattr(client, op)(**args)


def record(case):
    for name in ENV_VARS:
        os.environ.pop(name, None)
    for name, value in case.get("env", {}).items():
        os.environ[name] = value
    _now[0] = float(BASE)
    del _signals[:]
    expect = {}
    try:
        client = BackendApplicationClient(**decode(case["ctor"]))
    except Exception as e:  # noqa: BLE001 - the vector records whatever oauthlib raised
        expect.update(error_expect(e))
        expect["stage"] = "ctor"
        return expect
    for step in case.get("before", []):
        call(client, step["op"], decode(step["args"]))
    _now[0] = float(BASE + case.get("at", 0))
    del _signals[:]
    op = case["op"]
    try:
        result = call(client, op, decode(case["args"]))
        if op == "ctor":
            expect["ok"] = snapshot(client)
        elif op == "parse_request_body_response":
            expect["ok"] = encode_token(result)
            expect["token_meta"] = {
                "type": type(result).__name__,
                "scope_changed": result.scope_changed,
                "scopes_sorted": None if result._new_scope is None else sorted(result._new_scope),
                "old_scopes_sorted": None if result._old_scope is None else sorted(result._old_scope),
            }
        else:
            expect["ok"] = encode(result)
    except Exception as e:  # noqa: BLE001
        expect.update(error_expect(e))
    expect["client"] = snapshot(client)
    if _signals:
        expect["signals"] = list(_signals)
    return expect


# ----------------------------------------------------------------------------------------------- the extra cases

CASES = []


def case(cid, op, args=None, ctor=None, note=None, **extra):
    c = {"id": cid}
    if note:
        c["note"] = note
    c.update({"op": op, "ctor": ctor if ctor is not None else {"client_id": "cid"}, "args": args or {}})
    c.update(extra)
    CASES.append(c)


ASCII_PRINTABLE = "".join(chr(i) for i in range(0x20, 0x7F))
ASCII_CONTROL = "".join(chr(i) for i in range(0x00, 0x20)) + "\x7f"

# --- encoding: every ASCII character, in names and values
case("X-ENC-01", "prepare_request_body", {"x": ASCII_PRINTABLE}, note="all printable ASCII in a value")
case("X-ENC-02", "prepare_request_body", {"x": ASCII_CONTROL}, note="all ASCII control characters")
for i in range(0x20, 0x7F, 8):
    chunk = "".join(chr(c) for c in range(i, min(i + 8, 0x7F)))
    case("X-ENC-K%02X" % i, "prepare_request_body", {"body": "", "scope": chunk, "k" + chunk: chunk},
         note="printable ASCII as scope, in a name and in a value")
case("X-ENC-03", "prepare_request_body", {"x": "ü日本😀\u00a0\u2028\ufffd\U0010ffff e\u0301"},
     note="non-ASCII: 2-, 3- and 4-byte UTF-8, combining mark")
case("X-ENC-04", "prepare_request_body", {"x": "a\ud800b"}, note="lone high surrogate")
case("X-ENC-05", "prepare_request_body", {"x": "\udc00"}, note="lone low surrogate")
case("X-ENC-06", "prepare_request_body", {"\ud83d": "v"}, note="lone surrogate in a name")
case("X-ENC-07", "prepare_request_body", {"x": "😀\udc00"}, note="pair then lone low surrogate")

# --- existing body normalisation (parse_qsl, keep_blank_values=True)
BODIES = [
    "%zz", "%", "%4", "a=%4", "%C3", "%C3%28", "%E2%82", "%F0%9F%98", "%ED%A0%80", "%C0%AF", "%F4%90%80%80",
    "%FF%FE", "a=%C3\u00fc%BC", "+", "a+b=c+d", "a=1;b=2", "&&&", "=", "==", "a==b", "%2B=%26&%3D=%25",
    "x=%7e&y=%7E", "%41=%42", "\u00fc=\u00f6", "a=\ud800", "%u0041", "%%41", "a=b c", "a\tb=c\nd", "&a&", "a=&=b&=",
    "%e2%82%ac=%E2%82%AC", "k=%F0%9F%98%80", "k=%f0%9f%98%80x", "%E2%82%AC%", "grant_type=password",
    "a=1&a=2&a=", "%00=%00", "%20=%20", "scope=a%20b", "k=\U0001f600%F0%9F", "x=%C3%A9%C3",
]
for i, body in enumerate(BODIES):
    case("X-BODY-%02d" % i, "prepare_request_body", {"body": body}, note="existing body %r re-encoded" % body)

# --- which values are sent
case("X-SEND-01", "prepare_request_body", {"client_secret": "", "code_verifier": "", "audience": ""},
     note="empty client_secret and code_verifier are sent, empty extras are not")
case("X-SEND-02", "prepare_request_body", {"include_client_id": True}, ctor={"client_id": ""},
     note="empty client id is sent")
case("X-SEND-03", "prepare_request_body", {"client_id": "other", "include_client_id": True},
     note="a client_id kwarg is overwritten by the client's")
case("X-SEND-04", "prepare_request_body", {"code_verifier": "v", "client_secret": "s", "include_client_id": True,
                                           "scope": "x", "z": "1"},
     note="code_verifier between client_id and client_secret")
case("X-SEND-05", "prepare_request_body", {"client_id": "other"}, note="client_id kwarg not sent by default")
case("X-SEND-06", "prepare_request_body", {"include_client_id": False, "client_secret": None, "a": None},
     note="None extras dropped")
case("X-SEND-07", "prepare_request_body", {"a": "1", "b": "", "c": "3"}, note="order kept, empty dropped")
case("X-SEND-08", "prepare_request_body", {"include_client_id": "no"}, note="any truthy value counts (Python only)")
case("X-SEND-09", "prepare_request_body", {"x": 5, "y": True}, note="non-string extras (Python only)")

# --- scope
SCOPES = [["", ""], [" "], "  ", "a", ["a b"], "", ["a", "", "b"], " a  b ", "a\u00a0b", ["\u00fc", "\U0001f600"],
          {"$tuple": []}, {"$tuple": ["x", "y", "x"]}, {"$set": ["only"]}, ["a*b~c"]]
for i, scope in enumerate(SCOPES):
    case("X-SCOPE-%02d" % i, "prepare_request_body", {"scope": scope}, note="scope %r" % (scope,))
case("X-SCOPE-20", "prepare_request_body", {"scope": ""}, ctor={"client_id": "cid", "scope": "default"},
     note="explicit empty string scope does not fall back")
case("X-SCOPE-21", "prepare_request_body", {"scope": None}, ctor={"client_id": "cid", "scope": "d e"},
     note="None falls back to a string constructor scope, sent verbatim")
case("X-SCOPE-22", "prepare_request_body", {}, ctor={"client_id": "cid", "scope": {"$tuple": ["t", "u"]}},
     note="tuple constructor scope")
case("X-SCOPE-23", "prepare_request_body", {"scope": ["a", "b"]}, ctor={"client_id": "cid", "scope": ""},
     note="explicit scope beats an empty constructor scope")

# --- prepare_token_request: https rule, redirect_url, state, authorization_response
URLS = ["HTTPS://AS.example.com/token?x=1 2", "https:", "https:example.com", "HtTpS://x", "\thttps://x",
        "https://x\n", "http\u017f://x", "https\uff1a//x", "https://", "ftp://x", "", "https://u:p@x:1/t#f"]
for i, url in enumerate(URLS):
    case("X-PTR-%02d" % i, "prepare_token_request", {"token_url": url}, note="token URL %r" % url)
case("X-PTR-20", "prepare_token_request", {"token_url": "ftp://x"}, env={"OAUTHLIB_INSECURE_TRANSPORT": "0"},
     note="insecure transport set to '0' still disables the check")
case("X-PTR-21", "prepare_token_request", {"token_url": "http://x"}, env={"OAUTHLIB_INSECURE_TRANSPORT": "false"})
case("X-PTR-22", "prepare_token_request", {"token_url": "https://x", "redirect_url": "https://cb2", "scope": "s",
                                           "audience": "api"},
     ctor={"client_id": "cid", "redirect_url": "https://cb1"}, note="argument redirect_url replaces the stored one")
case("X-PTR-23", "prepare_token_request", {"token_url": "https://x", "redirect_url": ""},
     ctor={"client_id": "cid", "redirect_url": "https://cb1"}, note="empty redirect_url keeps the stored one")
case("X-PTR-24", "prepare_token_request", {"token_url": "https://x", "state": "st"},
     ctor={"client_id": "cid", "state": "s0"}, note="state consumed, never sent")
case("X-PTR-25", "prepare_token_request", {"token_url": "https://x", "authorization_response": ""},
     note="empty authorization_response is falsy")
case("X-PTR-26", "prepare_token_request", {"token_url": "http://x", "authorization_response": "https://cb?code=1"},
     note="transport checked before the authorization response")
case("X-PTR-27", "prepare_token_request", {"token_url": "https://x", "redirect_uri": "https://cb"},
     note="redirect_uri kwarg collides")
case("X-PTR-28", "prepare_token_request", {"token_url": "https://x", "body": "a=%zz&b", "include_client_id": True,
                                           "client_secret": "s", "scope": ["r", "w"]},
     ctor={"client_id": "c d"})

# --- parse_request_body_response: expires_in
EXPIRES_IN = [" 3600 ", "+3600", "-3600", "3_600", "\u0663\u0666\u0660\u0660", "\uff11\uff12", "\u00a03600\u2003",
              "\x1c3600", "3600.9", "1e3", "0x10", "007", "", " ", "12345678901234567890", "3__600", "_1", "1_",
              "\u0e53", "-0", "+-1", "1 2", "9" * 4301, "1" + "_1" * 10]
for i, value in enumerate(EXPIRES_IN):
    case("X-EXPIN-S%02d" % i, "parse_request_body_response",
         {"body": json.dumps({"access_token": "a", "expires_in": value})}, note="expires_in string %r" % value[:40])
EXPIRES_IN_JSON = ["3600.9", "-0.5", "1e3", "true", "false", "null", "[]", "{}", "1e400", "-1e400", "NaN",
                   "-Infinity", "Infinity", "1000000000000000000000000000000", "1" + "0" * 400, "0", "-0.0",
                   "1E-7", "4.9e-324", "9007199254740993", "-9223372036854775809", "[1]", "{\"a\":1}"]
for i, raw in enumerate(EXPIRES_IN_JSON):
    case("X-EXPIN-J%02d" % i, "parse_request_body_response",
         {"body": '{"access_token":"a","expires_in":%s}' % raw}, note="expires_in JSON %s" % raw[:40])

# --- expires_at
EXPIRES_AT_JSON = ["1700000000", "1700000000.9", "\"1700000000\"", "\"2006-01-02T15:04:05Z\"", "true", "null",
                   "1e400", "NaN", "\" 17_00 \"", "[1]", "1e30", "-1"]
for i, raw in enumerate(EXPIRES_AT_JSON):
    case("X-EXPAT-%02d" % i, "parse_request_body_response",
         {"body": '{"access_token":"a","expires_at":%s}' % raw}, note="expires_at JSON %s" % raw)
case("X-EXPAT-20", "parse_request_body_response", {"body": '{"expires_at":5,"access_token":"a","expires_in":7}'},
     note="expires_in overwrites expires_at in place")

# --- scopes in responses and scope change detection
SCOPE_RESPONSES = [
    ('"a  b"', ["a", "b"]), ('" a b "', ["a", "b"]), ('"\\ta b\\n"', ["a", "b"]), ('"a\\u00a0b"', ["a", "b"]),
    ('["a", 1, true, null, 1.5]', ["a"]), ('[]', ["a"]), ('""', ["a"]), ('null', ["a"]), ('"a a b"', ["b", "a"]),
    ('"b a"', ["a", "b"]), ('[["x"], {"k": "v"}]', None), ('"\\u00fc \\ud83d\\ude00"', ["\u00fc"]),
    ('"a"', ""), ('"a"', []), ('""', ""), ('"x"', None), ('true', ["a"]), ('{"a":1}', ["a"]), ('1.5', ["a"]),
    ('"A"', "a"), ('"a b"', " a  b "), ('"a"', "a\u00a0"), ('"\\u00a0a"', "a"), ('["1e16", 1e16, 1e-5, 0.1]', None),
    ('[1e22, -0.0, 123456789012345678901234567890]', None),
]
for i, (raw, requested) in enumerate(SCOPE_RESPONSES):
    args = {"body": '{"access_token":"a","scope":%s}' % raw}
    if requested is not None:
        args["scope"] = requested
    case("X-SCOPE-R%02d" % i, "parse_request_body_response", args,
         note="response scope %s, requested %r" % (raw, requested))
case("X-SCOPE-R40", "parse_request_body_response", {"body": '{"access_token":"a","scope":"x"}', "scope": ["y"]},
     env={"OAUTHLIB_RELAX_TOKEN_SCOPE": "0"}, note="relax with value '0'")
case("X-SCOPE-R41", "parse_request_body_response", {"body": '{"access_token":"a","scope":"x"}', "scope": ["y"]},
     env={"OAUTHLIB_RELAX_TOKEN_SCOPE": ""}, note="empty relax value does not relax")
case("X-SCOPE-R42", "parse_request_body_response", {"body": '{"access_token":"a","scope":"x y z"}',
                                                     "scope": "z"},
     ctor={"client_id": "cid", "scope": ["q"]}, env={"OAUTHLIB_RELAX_TOKEN_SCOPE": "1"},
     note="explicit requested scope beats the constructor's")

# --- JSON and form decoding
BODIES_PARSE = [
    '\ufeff{"access_token":"a"}', ' \t\n{"access_token":"a"}\r\n ', '{"access_token":"a"}\x0b', '{"access_token":"a"}}',
    '{"access_token":"a","b":1,"access_token":"c"}', '{"access_token":"a","x":NaN,"y":-Infinity,"z":Infinity}',
    '{"access_token":"a","n":123456789012345678901234567890}', '{"access_token":"a","deep":[[[[[{"k":[1,2]}]]]]]}',
    '{"access_token":"a","x":-0}', '{"access_token":"a","x":1.0}', '{"access_token":"a","x":"\\ud800"}',
    '{"access_token":"a","x":+1}', '{"access_token":"a","x":nan}', '{"access_token":"a","x":01}',
    '{"access_token":"a",}', "{'access_token':'a'}", '', '   ', 'null', 'true', '"abc"', '[]', '{}',
    '[["access_token","x"],["token_type","bearer"]]', '[{"access_token":"x"}]', '1.5',
    'access_token=a&token_type=bearer&expires_in=60', 'access_token=a&expires_in=', 'access_token=&x=1',
    'access_token=a%zz&scope=a+b%20c', 'access_token=a&expires_in=%2B10', 'access_token=a&expires_in=1.5',
    'error=invalid_client&error_description=Bad+creds&access_token=a', 'access_token=a;token_type=b',
    'access_token=\u00fc&scope=%C3', '{"access_token":"a","token_type":"bearer","x":{"y":[null,true,false]}}',
    '{"access_token":"a","x":"' + "\\u00e9" * 3 + '"}', '{"access_token":"a","x":1' + "0" * 4300 + '}',
    '{"access_token":"a","x":1' + "0" * 4299 + '}', '{"access_token":"a","x":-Infinity }', '{"access_token":"a"} ',
    '{"access_token":"a","t":"\\t\x01"}', '{"access_token": "a", "expires_in": 5, "expires_in": null}',
    '{"access_token":"a","x":1E400,"y":-1e-400}', '{"access_token":"a","x":2.5e-5,"y":123.0e2}',
]
for i, body in enumerate(BODIES_PARSE):
    case("X-DEC-%02d" % i, "parse_request_body_response", {"body": body}, note="decode %r" % body[:60])
case("X-DEC-60", "parse_request_body_response", {"body": "[" * 50 + "]" * 50}, note="nested arrays")

# --- typed token fields and token_type
case("X-TT-01", "parse_request_body_response", {"body": '{"access_token":"a","token_type":null}'},
     env={"OAUTHLIB_STRICT_TOKEN_TYPE": "yes"}, note="strict mode accepts a null token_type")
case("X-TT-02", "parse_request_body_response", {"body": '{"access_token":"a"}'},
     env={"OAUTHLIB_STRICT_TOKEN_TYPE": ""}, note="empty strict value is off")
case("X-TT-03", "parse_request_body_response", {"body": '{"access_token":5,"token_type":"bearer"}'},
     note="numeric access token (Python stores it)")
case("X-TT-04", "parse_request_body_response", {"body": '{"access_token":"a","token_type":1}'})
case("X-TT-05", "parse_request_body_response", {"body": '{"access_token":"a","refresh_token":["r"]}'})
case("X-TT-06", "parse_request_body_response", {"body": '{"error":"invalid_client"}'}, env={
    "OAUTHLIB_STRICT_TOKEN_TYPE": "1"}, note="error beats strict token type")
case("X-TT-07", "parse_request_body_response", {"body": '{"access_token":"a"}', "scope": ["a"]},
     env={"OAUTHLIB_STRICT_TOKEN_TYPE": "1"}, note="strict token type checked before scope")

# --- error responses
for code in ["access_denied", "consent_required", "insecure_transport", "insufficient_scope", "invalid_client",
             "invalid_grant", "invalid_request", "invalid_scope", "invalid_token", "login_required",
             "mismatching_state", "missing_code", "missing_token", "missing_token_type", "server_error",
             "temporarily_unavailable", "token_expired", "unauthorized_client", "unsupported_grant_type",
             "unsupported_response_type", "unsupported_token_type", "slow_down", "Invalid_Client", " invalid_client"]:
    case("X-ERR-" + code.strip().upper(), "parse_request_body_response",
         {"body": json.dumps({"error": code, "error_description": "d " + code, "error_uri": "https://e/" + code,
                              "state": "st"})}, note="error %r with description, uri and state" % code)
ERROR_BODIES = [
    '{"error":"invalid_scope","error_description":42}', '{"error":"invalid_scope","error_description":["a",1]}',
    '{"error":"invalid_scope","error_description":""}', '{"error":"invalid_request"}', '{"error":true}',
    '{"error":1.5}', '{"error":null}', '{"error":["invalid_client"]}', '{"error":"server_error","error_uri":5}',
    '{"error":"server_error","state":{"a":1}}', '{"access_token":"a","error":"access_denied"}',
    '{"error":"invalid_token","error_description":null}', '{"error":"insufficient_scope"}',
    'error=invalid_grant&error_description=', 'error=&access_token=a', 'error=temporarily_unavailable&state=%C3',
    '{"error":"invalid_client","error_description":"caf\\u00e9 \\u2603"}',
]
for i, body in enumerate(ERROR_BODIES):
    case("X-ERRB-%02d" % i, "parse_request_body_response", {"body": body}, note="error body %s" % body)

# --- populate_token_attributes through successive responses
case("X-POP-01", "parse_request_body_response", {"body": '{"access_token":"n"}'},
     before=[{"op": "parse_request_body_response",
              "args": {"body": '{"access_token":"o","refresh_token":"r","expires_in":60,"mac_key":"k"}'}}],
     note="refresh token, mac key and expiry survive a response without them")
case("X-POP-02", "populate_token_attributes", {"response": {"expires_in": 30, "expires_at": "1700000000.5"}},
     note="unparseable expires_at discards the expiry from expires_in")
case("X-POP-03", "populate_token_attributes", {"response": {"expires_at": 1700000000.7}})
case("X-POP-04", "populate_token_attributes", {"response": {"token_type": "MAC", "mac_algorithm": "hmac-sha-1"}})
case("X-POP-05", "populate_token_attributes", {"response": {"expires_in": "abc"}})
case("X-POP-06", "populate_token_attributes", {"response": {"access_token": None}},
     ctor={"client_id": "cid", "access_token": "x"})
case("X-POP-07", "populate_code_attributes", {"response": {"code": "c1"}})

# --- constructor
case("X-CT-01", "ctor", ctor={"client_id": "cid", "access_token": "explicit",
                              "token": {"access_token": "from_token", "expires_in": "60", "scope": "x y"}},
     note="token entries override explicit arguments; scope not copied")
case("X-CT-02", "ctor", ctor={"client_id": None, "token_type": "mac", "default_token_placement": "query"})
case("X-CT-03", "ctor", ctor={"client_id": "cid", "token": {"expires_in": None}})
case("X-CT-04", "ctor", ctor={"client_id": "cid", "token": {"expires_at": "bad", "expires_in": 5}})
case("X-CT-05", "ctor", ctor={"client_id": "cid", "token": {}}, note="empty token becomes {}")
case("X-CT-06", "ctor", ctor={"client_id": "cid", "token": {"expires_in": 10.7}})
case("X-CT-07", "ctor", ctor={"client_id": "cid", "default_token_placement": "header"},
     note="placement not validated by the constructor")
case("X-CT-08", "ctor", ctor={"client_id": "cid", "client_secret": "s", "unknown": 1})
case("X-CT-09", "ctor", ctor={"client_id": "cid", "token": {"expires_at": {"$now_plus": 5}, "refresh_token": "r"},
                              "refresh_token": "explicit"})

# --- add_token: bearer placements
URIS_QUERY = [
    "https://e.com/p#frag", "https://e.com/p#", "https://u:p@E.com:8443/p;x=1?q=1#f", "HTTPS://E.COM/P",
    "https://e.com/p;", "https://e.com/a;b/c;d", "https://e.com", "https://e.com?", "https://e.com/?a",
    "https://e.com/p?a=b%20c&x&y=%7e&z=%zz&w=+", "https://[::1]:8443/p", "https://[::1/p", "https://[1.2.3.4]/p",
    "https://[v1.x]/p", "https://[vz]/p", "https://e.com/p\tq\n?r", "https://e.com/p?access_token=old#x",
    "https://e.com/\u00fc?\u00e9=\u00e8", "https://e.com/p?a=1;b=2", "https://e.com//double", "https:///p",
    "https://e.com:/p", "https://[fe80::1%25eth0]/p", "https://[::ffff:1.2.3.4]/", "https://[1:2:3:4:5:6:7:8]/",
    "https://[1::2::3]/", "https://\u2100.com/", "https://e.com/p?#", "https://e.com/p?&&",
]
for i, uri in enumerate(URIS_QUERY):
    case("X-ATQ-%02d" % i, "add_token", {"uri": uri, "token_placement": "query"},
         ctor={"client_id": "cid", "access_token": "t k+&="}, note="query placement on %r" % uri)
case("X-ATQ-40", "add_token", {"uri": " https://e.com/p", "token_placement": "query"},
     ctor={"client_id": "cid", "access_token": "t"}, env={"OAUTHLIB_INSECURE_TRANSPORT": "1"},
     note="urlsplit strips leading spaces")
case("X-ATQ-41", "add_token", {"uri": "mailto:a@b", "token_placement": "query"},
     ctor={"client_id": "cid", "access_token": "t"}, env={"OAUTHLIB_INSECURE_TRANSPORT": "1"})
case("X-ATQ-42", "add_token", {"uri": "https:e.com/p", "token_placement": "query"},
     ctor={"client_id": "cid", "access_token": "t"}, env={"OAUTHLIB_INSECURE_TRANSPORT": "1"})
case("X-ATQ-43", "add_token", {"uri": "//e.com/p", "token_placement": "query"},
     ctor={"client_id": "cid", "access_token": "t"}, env={"OAUTHLIB_INSECURE_TRANSPORT": "1"})
case("X-ATQ-44", "add_token", {"uri": "svn+ssh:p", "token_placement": "query"},
     ctor={"client_id": "cid", "access_token": "t"}, env={"OAUTHLIB_INSECURE_TRANSPORT": "1"})
case("X-ATQ-45", "add_token", {"uri": "1http://e.com/p", "token_placement": "query"},
     ctor={"client_id": "cid", "access_token": "t"}, env={"OAUTHLIB_INSECURE_TRANSPORT": "1"})
case("X-ATB-01", "add_token", {"uri": "https://e.com", "token_placement": "body", "body": "a=%zz&b"},
     ctor={"client_id": "cid", "access_token": "t*~"})
case("X-ATB-02", "add_token", {"uri": "https://e.com", "token_placement": "body", "body": ""},
     ctor={"client_id": "cid", "access_token": "t"})
case("X-ATH-01", "add_token", {"uri": "https://e.com", "headers": {}}, ctor={"client_id": "cid", "access_token": "t"},
     note="empty headers replaced")
case("X-ATH-02", "add_token", {"uri": "https://e.com", "headers": {"X-A": "1", "Authorization": "Basic q"}},
     ctor={"client_id": "cid", "access_token": "t\u00fc"}, note="header value raw, key order kept")
case("X-ATH-03", "add_token", {"uri": "https://e.com", "http_method": "POST", "body": "x=1", "headers": None},
     ctor={"client_id": "cid", "access_token": "t"}, note="http_method and body untouched by header placement")
case("X-AT-01", "add_token", {"uri": "https://e.com"}, ctor={"client_id": "cid", "access_token": "t",
                                                             "token_type": "Bearer "})
case("X-AT-02", "add_token", {"uri": "https://e.com", "token_placement": "BODY"},
     ctor={"client_id": "cid", "access_token": "t"})
case("X-AT-03", "add_token", {"uri": "http://e.com", "token_placement": "header"},
     ctor={"client_id": "cid", "access_token": "t"}, note="transport beats placement")
case("X-AT-04", "add_token", {"uri": "https://e.com"}, ctor={"client_id": "cid", "access_token": "t",
                                                             "token_type": "example"})
case("X-AT-05", "add_token", {"uri": "https://e.com"}, ctor={"client_id": "cid", "access_token": "",
                                                             "token_type": "nope"},
     note="token type checked before presence")
case("X-AT-06", "add_token", {"uri": "https://e.com"}, ctor={"client_id": "cid", "access_token": "t",
                                                             "token": {"expires_at": {"$now_plus": 0}}},
     note="expires exactly now: still usable")
case("X-AT-07", "add_token", {"uri": "https://e.com"}, at=0.5,
     ctor={"client_id": "cid", "access_token": "t", "token": {"expires_at": {"$now_plus": 0}}})
case("X-AT-08", "add_token", {"uri": "https://e.com"},
     ctor={"client_id": "cid", "access_token": "t", "token": {"expires_at": 0}}, note="0 never expires")
case("X-AT-09", "add_token", {"uri": "https://e.com"}, at=10,
     ctor={"client_id": "cid", "token": {"access_token": "t", "expires_in": 10}}, note="ctor expires_in: float expiry")
case("X-AT-10", "add_token", {"uri": "https://e.com"}, at=10.5,
     ctor={"client_id": "cid", "token": {"access_token": "t", "expires_in": 10}})
case("X-AT-11", "add_token", {"uri": "https://e.com"}, at=3600,
     before=[{"op": "parse_request_body_response", "args": {"body": '{"access_token":"n","expires_in":3600}'}}])
case("X-AT-12", "add_token", {"uri": "https://e.com"}, at=3601,
     before=[{"op": "parse_request_body_response", "args": {"body": '{"access_token":"n","expires_in":3600}'}}])
case("X-AT-13", "add_token", {"uri": "https://e.com", "token_placement": "query"},
     ctor={"client_id": "cid", "access_token": "t", "token": {"access_token": ""}},
     note="token map empty access token overrides")
case("X-AT-14", "add_token", {"uri": "https://e.com"}, at=5,
     before=[{"op": "parse_request_body_response", "args": {"body": '{"access_token":"n","expires_in":1}'}},
             {"op": "parse_request_body_response", "args": {"body": '{"access_token":"m"}'}}],
     note="a new token without expiry inherits the old expiry")
case("X-AT-15", "add_token", {"uri": "https://e.com"}, ctor={"client_id": "cid", "access_token": "t",
                                                             "token_type": "BEARER"})
case("X-AT-16", "add_token", {"uri": "https://e.com", "token_placement": None},
     ctor={"client_id": "cid", "access_token": "t", "default_token_placement": "body"})

# --- add_token: MAC tokens (deterministic with a nonce)
MAC = {"client_id": "cid", "token_type": "MAC", "access_token": "token", "mac_key": "secret",
       "mac_algorithm": "hmac-sha-1"}
case("X-MAC-01", "add_token", {"uri": "https://example.com/path?query=world", "body": "not=empty",
                               "nonce": "0:abc123"}, ctor=MAC, note="upstream vector")
case("X-MAC-02", "add_token", {"uri": "https://example.com/path?query=world", "nonce": "0:abc123"}, ctor=MAC,
     note="no body: no bodyhash")
case("X-MAC-03", "add_token", {"uri": "https://example.com/p", "http_method": "post", "body": "",
                               "nonce": "n", "ext": "e x"}, ctor=dict(MAC, mac_algorithm="HMAC-SHA-256"))
case("X-MAC-04", "add_token", {"uri": "http://example.com:8080/p;x?q", "nonce": "n"}, ctor=MAC,
     env={"OAUTHLIB_INSECURE_TRANSPORT": "1"})
case("X-MAC-05", "add_token", {"uri": "https://u:p@example.com/p", "nonce": "n"}, ctor=MAC,
     note="userinfo colon taken as the port separator")
case("X-MAC-06", "add_token", {"uri": "https://example.com/p", "nonce": "n", "headers": {"X": "1"},
                               "body": "\u00fc"}, ctor=dict(MAC, mac_key="k\u00e9y", access_token="t\u00fc"))
case("X-MAC-07", "add_token", {"uri": "https://example.com/p", "nonce": "n", "token_placement": "body"}, ctor=MAC)
case("X-MAC-08", "add_token", {"uri": "ftp://example.com/p", "nonce": "n"}, ctor=MAC,
     env={"OAUTHLIB_INSECURE_TRANSPORT": "1"}, note="no default port")
case("X-MAC-09", "add_token", {"uri": "https://example.com/p", "nonce": "n"}, ctor=dict(MAC, mac_key=""))
case("X-MAC-10", "add_token", {"uri": "https://example.com/p", "nonce": "n"}, ctor=dict(MAC, token_type="mAc"))

# --- refresh and revocation
case("X-RF-01", "prepare_refresh_body", {}, ctor={"client_id": "cid", "refresh_token": "stored", "scope": ["a"]})
case("X-RF-02", "prepare_refresh_body", {"refresh_token": ""}, ctor={"client_id": "cid", "refresh_token": "stored"},
     note="empty refresh token falls back to the stored one")
case("X-RF-03", "prepare_refresh_body", {"client_id": "c", "include_client_id": False, "client_secret": "",
                                         "z": "1", "body": "q=%zz"})
case("X-RF-04", "prepare_refresh_body", {"scope": [], "refresh_token": "r"}, ctor={"client_id": "cid", "scope": "d"})
case("X-RF-05", "prepare_refresh_token_request", {"token_url": "http://x", "refresh_token": "r"})
case("X-RF-06", "prepare_refresh_token_request", {"token_url": "HTTPS://x", "refresh_token": "r t",
                                                  "code_verifier": "v", "client_id": "c"})
case("X-RV-01", "prepare_token_revocation_request", {"revocation_url": "https://e/revoke", "token": "t",
                                                     "callback": "cb.fn"})
case("X-RV-02", "prepare_token_revocation_request", {"revocation_url": "https://e/revoke?x=1#f", "token": "t t",
                                                     "token_type_hint": "", "callback": "c", "body": "keep"})
case("X-RV-03", "prepare_token_revocation_request", {"revocation_url": "https://e/revoke", "token": "t",
                                                     "token_type_hint": "refresh_token", "body": "a=%zz",
                                                     "client_secret": "", "client_id": "c", "x": "1"})
case("X-RV-04", "prepare_token_revocation_request", {"revocation_url": "http://e/revoke", "token": "t"})
case("X-RV-05", "prepare_token_revocation_request", {"revocation_url": "https://e/revoke", "token": "t",
                                                     "callback": ""})

# --- the rest of the public surface
case("X-MS-01", "prepare_authorization_request", {"authorization_url": "http://as/authz", "state": "s"},
     note="transport check first: state not stored")
case("X-MS-02", "prepare_authorization_request", {"authorization_url": "https://as/authz", "state": "s",
                                                  "redirect_url": "https://cb"})
case("X-MS-03", "prepare_request_uri", {"uri": "https://as"})
case("X-MS-04", "parse_request_uri_response", {"uri": "https://cb?code=1"})
case("X-PK-01", "create_code_challenge", {"code_verifier": "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk",
                                          "code_challenge_method": "S256"}, note="RFC 7636 vector")
case("X-PK-02", "create_code_challenge", {"code_verifier": "plainv"})
case("X-PK-03", "create_code_challenge", {"code_verifier": "v", "code_challenge_method": "s256"})
case("X-PK-04", "create_code_challenge", {"code_verifier": None})


def main(argv):
    if len(argv) >= 5 and argv[1] == "--cases" and argv[3] == "--out":
        with open(argv[2], encoding="utf-8") as f:
            cases = json.load(f)
        out_path = argv[4]
    else:
        cases = CASES
        out_path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "oauthlib",
                                "extra-vectors.json")
    recorded = []
    for c in cases:
        c = dict(c)
        c["expect"] = record(c)
        recorded.append(c)
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(recorded, f, indent=1, ensure_ascii=True)
        f.write("\n")
    print("recorded %d cases with oauthlib %s to %s" % (len(recorded), oauthlib.__version__, out_path),
          file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)

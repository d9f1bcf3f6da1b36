import json

import pytest
from click.testing import CliRunner

from zicht.cli.estimate import estimate as estimate_cmd
from zicht.estimation import TableError, make_table, read_table
from zicht.estimation.linkage import overlap_summary

KEYS = [
    "lists",
    "observed",
    "estimable",
    "reason",
    "method",
    "options",
    "model",
    "bic",
    "estimate",
    "hidden",
    "ci",
    "table",
]


def write(tmp_path, text, name="t.csv"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_table_sums_repeated_histories_and_drops_empty_lists(tmp_path):
    t = read_table(write(tmp_path, "A;B;C;D;aantal\n1;0;0;0;2\n1;0;0;0;3\n0;1;0;0;4\n0;0;1;0;1\n1;1;0;0;0\n"))
    assert t.lists == ("A", "B", "C")
    assert dict(zip(t.histories, t.counts, strict=True))[(1, 0, 0)] == 5
    assert t.observed == 10


def test_table_refuses_all_zero_history(tmp_path):
    with pytest.raises(TableError):
        read_table(write(tmp_path, "A,B,C,count\n0,0,0,4\n1,0,0,1\n"))


def test_table_refuses_values_other_than_0_1(tmp_path):
    with pytest.raises(TableError):
        read_table(write(tmp_path, "A,B,C,count\n2,0,0,4\n"))


def test_table_hash_does_not_depend_on_row_order():
    a = make_table(["A", "B", "C"], [((1, 0, 0), 3), ((0, 1, 1), 2)])
    b = make_table(["A", "B", "C"], [((0, 1, 1), 2), ((1, 0, 0), 1), ((1, 0, 0), 2)])
    assert a.sha256() == b.sha256()


def test_overlap_summary_counts_lists_and_pairs():
    s = overlap_summary(make_table(["A", "B", "C"], [((1, 0, 0), 3), ((1, 1, 0), 2), ((0, 1, 1), 1)]))
    assert [x["count"] for x in s["lists"]] == [5, 3, 1]
    assert s["pairs"][0] == {"lists": ["A", "B"], "count": 2}
    assert s["on_more_lists"] == 3


def test_cli_json_has_the_spec_shape(mse_dir):
    res = CliRunner().invoke(
        estimate_cmd, ["--table", str(mse_dir / "Western.csv"), "--json", "--nboot", "30", "--jobs", "1"]
    )
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert list(out)[: len(KEYS)] == KEYS
    assert out["model"] == "[15,2,3,4]" and out["method"] == "stepwise"
    assert out["ci"]["method"] == "bca" and out["ci"]["nboot"] == 30 and out["ci"]["seed"] == 1234
    assert out["estimate"] == round(out["observed"] + out["hidden"], 1)
    assert out["software"]["zicht"] and len(out["input_sha256"]) == 64


def test_cli_two_lists_is_not_estimable_with_exit_0(tmp_path):
    p = write(tmp_path, "A,B,count\n1,0,3\n0,1,4\n1,1,2\n")
    res = CliRunner().invoke(estimate_cmd, ["--table", str(p), "--json"])
    assert res.exit_code == 0
    out = json.loads(res.output)
    assert out["estimable"] is False and out["reason"] and out["estimate"] is None and out["ci"] is None


def test_cli_refuses_bad_table_with_exit_1_and_no_traceback(tmp_path):
    p = write(tmp_path, "A,B,C,count\n0,0,0,3\n")
    res = CliRunner().invoke(estimate_cmd, ["--table", str(p)])
    assert res.exit_code == 1
    assert "Traceback" not in res.output and "geen enkele lijst" in res.output


def test_cli_refuses_too_large_bic_search_with_exit_2(mse_dir):
    res = CliRunner().invoke(
        estimate_cmd, ["--table", str(mse_dir / "NewOrl.csv"), "--method", "bic", "--maxorder", "2"]
    )
    assert res.exit_code == 2
    assert "stepwise" in res.output


def test_cli_refuses_bad_model_with_exit_2(mse_dir):
    res = CliRunner().invoke(estimate_cmd, ["--table", str(mse_dir / "Korea.csv"), "--model", "[19]"])
    assert res.exit_code == 2


def test_cli_human_output_is_dutch(mse_dir):
    res = CliRunner().invoke(estimate_cmd, ["--table", str(mse_dir / "Korea.csv"), "--ci", "none"])
    assert res.exit_code == 0
    assert "Schatting totaal" in res.output and "268,8" in res.output

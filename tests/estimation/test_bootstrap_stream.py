"""The bootstrap draws R's random stream (set.seed + rmultinom), so published SparseMSE intervals can be
checked exactly. Reference values are R's own output for the calls quoted beside them."""

import numpy as np

from zicht.estimation import make_table
from zicht.estimation.rstream import RStream, resamples, tidy_order


def test_r_stream_runif_matches_r_after_set_seed():
    s = RStream(42)  # set.seed(42); runif(5)
    assert np.round([s.unif() for _ in range(5)], 7).tolist() == [0.914806, 0.9370754, 0.2861395, 0.8304476, 0.6417455]
    s = RStream(1234)  # set.seed(1234); runif(3)
    assert np.round([s.unif() for _ in range(3)], 7).tolist() == [0.1137034, 0.6222994, 0.6092747]


def test_r_stream_rbinom_matches_r_after_set_seed():
    s = RStream(123)  # set.seed(123); rbinom(5, 10, 0.5)
    assert [s.rbinom(10, 0.5) for _ in range(5)] == [4, 6, 5, 7, 7]
    s = RStream(123)  # set.seed(123); rbinom(10, 1, 0.5)
    assert [s.rbinom(1, 0.5) for _ in range(10)] == [0, 1, 0, 1, 1, 0, 1, 1, 1, 0]


def test_resamples_keep_the_number_of_people_and_depend_on_row_order():
    counts = [25, 1, 2, 70, 33, 6, 21]
    draws = resamples(1234, counts, 200)
    assert draws.shape == (200, 7) and (draws.sum(axis=1) == sum(counts)).all()
    assert (resamples(1234, counts, 200) == draws).all()
    assert abs(draws.mean(axis=0) - counts).max() < 3  # unbiased
    assert not (resamples(1234, counts[::-1], 200)[:, ::-1] == draws).all()  # R draws row by row


def test_tidy_order_is_multiple_systems_estimations_order():
    # tidy_lists(., includezerocounts=TRUE) for 3 lists: A, B, C, AB, AC, BC, ABC (cell codes 1,2,4,3,5,6,7)
    cells = np.array([7, 6, 5, 4, 3, 2, 1]) - 1
    assert (cells[tidy_order(cells, 3)] + 1).tolist() == [1, 2, 4, 3, 5, 6, 7]


def test_table_file_keeps_row_order_for_the_bootstrap():
    rows_in = [((0, 1, 1), 4), ((1, 0, 0), 3), ((0, 1, 1), 1)]  # BC (cell 6) first, repeated
    rows, counts = make_table(["A", "B", "C"], rows_in, keep_order=True).observed_cells()
    assert rows.tolist() == [5, 0] and counts.tolist() == [5, 3]
    assert make_table(["A", "B", "C"], rows_in).observed_cells()[0].tolist() == [0, 5]  # --year: by cell

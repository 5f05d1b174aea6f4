"""hrplan: query China's National Human Rights Action Plans, their targets and reported results.

The core (``model``, ``load``, ``query``, ``progress``) imports neither Click nor Rich, so it
can be used from Python directly::

    from hrplan.load import load_plans
    plans = load_plans()
"""

__version__ = "0.2.0"

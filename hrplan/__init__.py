"""hrplan: query China's National Human Rights Action Plans, their targets and reported results.

The core imports neither Click nor Rich; ``hrplan.api`` is its documented surface for Python
(notebooks and scripts), returning the typed records and answers of the JSON contract::

    import hrplan.api as hr
    hr.goals("health", plan="nhrap-2012-2015", status="surpassed")
"""

__version__ = "0.2.0"

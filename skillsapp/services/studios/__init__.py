"""Innovation studios (创新工作室): the studios and their members, their records
(innovation results, trainings), the per-level conditions, the yearly evaluation
(年度考核), the .xlsx import and export, and the printed sheets.
"""

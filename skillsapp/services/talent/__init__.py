"""The talent record of persons beyond the registry: honours (荣誉) and their import,
skill certificates and professional titles (职称), mentorship (师带徒), nominations
(推荐评选), and the profile that gathers a person's whole record (人才档案).
"""

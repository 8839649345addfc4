from textwrap import dedent as d
from dsl import Diagram, g


def employee_onboarding():
    D = Diagram("employee-onboarding", "employee_onboarding", "Employee onboarding")
    D.add("start", "StartEvent_1", "Hire signed", g(0, 1))
    D.add("user", "Task_EnterHire", "Enter new hire", g(1, 1), fields=[
        ("full_name", "Full name", "string"),
        ("department", "Department", "enum", [("sales", "Sales"), ("engineering", "Engineering"), ("finance", "Finance")]),
        ("needs_laptop", "Needs a laptop", "boolean")])
    D.add("script", "Task_Plan", "Plan first week", g(2, 1), script=d("""
        first, _, last = full_name.partition(' ')
        login = (first[0] + last).lower() if last else first.lower()
        plan = {'day1': ['welcome', 'badge'], 'day2': ['training']}
        if department == 'engineering':
            plan['day2'].append('repository access')
        """))
    D.add("and", "Gateway_Split", None, g(3, 1))
    D.add("user", "Task_ITSetup", "Set up accounts", g(4, 0), fields=[("email", "E-mail address", "string"), ("laptop_tag", "Laptop tag", "string")])
    D.add("script", "Task_HRFile", "Open HR file", g(4, 1), script=d("""
        hr_file = {'name': full_name, 'department': department, 'login': login}
        """))
    D.add("user", "Task_Desk", "Assign desk", g(4, 2), fields=[("desk", "Desk", "string")])
    D.add("and", "Gateway_Join", None, g(5, 1))
    D.add("script", "Task_Welcome", "Write welcome pack", g(6, 1), script=d("""
        welcome = {
            'to': email,
            'desk': desk,
            'equipment': [laptop_tag] if needs_laptop else [],
            'agenda': [item for day in sorted(plan) for item in plan[day]],
        }
        """))
    D.add("end", "EndEvent_1", "Onboarded", g(7, 1))
    D.flow("Flow_1", "StartEvent_1", "Task_EnterHire")
    D.flow("Flow_2", "Task_EnterHire", "Task_Plan")
    D.flow("Flow_3", "Task_Plan", "Gateway_Split")
    D.flow("Flow_IT", "Gateway_Split", "Task_ITSetup")
    D.flow("Flow_HR", "Gateway_Split", "Task_HRFile")
    D.flow("Flow_Desk", "Gateway_Split", "Task_Desk")
    D.flow("Flow_4", "Task_ITSetup", "Gateway_Join")
    D.flow("Flow_5", "Task_HRFile", "Gateway_Join")
    D.flow("Flow_6", "Task_Desk", "Gateway_Join")
    D.flow("Flow_7", "Gateway_Join", "Task_Welcome")
    D.flow("Flow_8", "Task_Welcome", "EndEvent_1")
    answers = {
        "": {"process": "employee_onboarding", "steps": [
            {"complete": "Task_EnterHire", "variables": {"full_name": "Dana Smith", "department": "engineering", "needs_laptop": True}},
            {"complete": "Task_Desk", "variables": {"desk": "3.14"}},
            {"complete": "Task_ITSetup", "variables": {"email": "dsmith@example.com", "laptop_tag": "LT-0042"}}]},
    }
    return D, answers


def loan_scoring():
    D = Diagram("loan-scoring", "loan_scoring", "Loan scoring")
    D.add("start", "StartEvent_1", None, g(0, 1))
    D.add("user", "Task_Apply", "Loan application", g(1, 1), fields=[
        ("applicant", "Applicant", "string"), ("income", "Yearly income", "long"), ("debts", "Open debts", "long"),
        ("years_employed", "Years employed", "long"), ("amount", "Amount asked", "long")])
    D.add("script", "Task_Score", "Score application", g(2, 1), script=d("""
        from math import ceil

        def ratio(part, whole):
            return part / whole if whole else 1.0

        factors = {
            'debt_ratio': round(ratio(debts, income), 3),
            'loan_ratio': round(ratio(amount, income), 3),
            'stability': min(years_employed, 10) / 10,
        }
        score = int(350 + 400 * factors['stability'] - 250 * factors['debt_ratio'] - 100 * factors['loan_ratio'])
        score = max(300, min(850, score))
        band = 'A' if score >= 700 else 'B' if score >= 500 else 'C'
        monthly = ceil(amount / 36)
        """))
    D.add("xor", "Gateway_Band", "Score band?", g(3, 1))
    D.add("script", "Task_Approve", "Approve automatically", g(4, 0), script=d("""
        decision = {'approved': True, 'by': 'system', 'rate': 3.9}
        """))
    D.add("user", "Task_Underwrite", "Underwriter review", g(4, 1), fields=[("approve", "Approve", "boolean"), ("rate", "Interest rate (%)", "string", "6.5")])
    D.add("script", "Task_Record", "Record review", g(5, 1), script=d("""
        decision = {'approved': approve, 'by': 'underwriter', 'rate': float(rate)}
        """))
    D.add("script", "Task_Decline", "Decline", g(4, 2), script=d("""
        decision = {'approved': False, 'by': 'system', 'reasons': sorted(k for k, v in factors.items() if k != 'stability' and v > 0.5)}
        """))
    D.add("xor", "Gateway_Merge", None, g(6, 1))
    D.add("end", "EndEvent_1", "Decided", g(7, 1))
    D.flow("Flow_1", "StartEvent_1", "Task_Apply")
    D.flow("Flow_2", "Task_Apply", "Task_Score")
    D.flow("Flow_3", "Task_Score", "Gateway_Band")
    D.flow("Flow_A", "Gateway_Band", "Task_Approve", cond="band == 'A'", name="A")
    D.flow("Flow_B", "Gateway_Band", "Task_Underwrite", cond="band == 'B'", name="B")
    D.flow("Flow_C", "Gateway_Band", "Task_Decline", name="C", default=True)
    D.flow("Flow_4", "Task_Underwrite", "Task_Record")
    D.flow("Flow_5", "Task_Approve", "Gateway_Merge")
    D.flow("Flow_6", "Task_Record", "Gateway_Merge")
    D.flow("Flow_7", "Task_Decline", "Gateway_Merge")
    D.flow("Flow_8", "Gateway_Merge", "EndEvent_1")
    answers = {
        "": {"process": "loan_scoring", "steps": [{"complete": "Task_Apply", "variables": {
            "applicant": "Eve", "income": 90000, "debts": 5000, "years_employed": 12, "amount": 20000}}]},
        "review": {"process": "loan_scoring", "steps": [
            {"complete": "Task_Apply", "variables": {"applicant": "Finn", "income": 60000, "debts": 3000, "years_employed": 6, "amount": 15000}},
            {"complete": "Task_Underwrite", "variables": {"approve": True, "rate": "7.25"}}]},
        "declined": {"process": "loan_scoring", "steps": [{"complete": "Task_Apply", "variables": {
            "applicant": "Gus", "income": 20000, "debts": 15000, "years_employed": 0, "amount": 25000}}]},
    }
    return D, answers


def ticket_triage():
    D = Diagram("ticket-triage", "ticket_triage", "Support ticket triage")
    D.add("start", "StartEvent_1", None, g(0, 1))
    D.add("user", "Task_Report", "Report problem", g(1, 1), fields=[
        ("summary", "Summary", "string"),
        ("severity", "Severity", "enum", [("low", "Low"), ("high", "High"), ("critical", "Critical")]),
        ("customer_facing", "Customers affected", "boolean"), ("security", "Security relevant", "boolean")])
    D.add("script", "Task_Tag", "Tag ticket", g(2, 1), script=d("""
        tags = [severity]
        if customer_facing:
            tags.append('customer')
        if security:
            tags.append('security')
        words = summary.lower().split()
        keywords = {w: words.count(w) for w in set(words) if len(w) > 4}
        """))
    D.add("or", "Gateway_Split", "Who is involved?", g(3, 1))
    D.add("user", "Task_SecurityReview", "Security review", g(4, 0), fields=[("cve", "CVE id", "string")])
    D.add("script", "Task_Notify", "Notify customers", g(4, 1), script=d("""
        notice = 'We are working on: ' + summary
        """))
    D.add("script", "Task_Queue", "Queue ticket", g(4, 2), script=d("""
        queue = 'backlog' if severity == 'low' else 'next-sprint'
        """))
    D.add("or", "Gateway_Join", None, g(5, 1))
    D.add("script", "Task_Close", "Summarize", g(6, 1), script=d("""
        handled_by = sorted(x for x, present in [('security', 'cve' in dir()), ('comms', 'notice' in dir()), ('queue', 'queue' in dir())] if present)
        """)) if False else D.add("script", "Task_Close", "Summarize", g(6, 1), script=d("""
        handled_by = []
        if security:
            handled_by.append('security:' + cve)
        if customer_facing:
            handled_by.append('comms')
        if not security and not customer_facing:
            handled_by.append('queue:' + queue)
        """))
    D.add("end", "EndEvent_1", None, g(7, 1))
    D.flow("Flow_1", "StartEvent_1", "Task_Report")
    D.flow("Flow_2", "Task_Report", "Task_Tag")
    D.flow("Flow_3", "Task_Tag", "Gateway_Split")
    D.flow("Flow_Security", "Gateway_Split", "Task_SecurityReview", cond="security", name="security")
    D.flow("Flow_Customers", "Gateway_Split", "Task_Notify", cond="customer_facing", name="customers")
    D.flow("Flow_Default", "Gateway_Split", "Task_Queue", name="otherwise", default=True)
    D.flow("Flow_4", "Task_SecurityReview", "Gateway_Join")
    D.flow("Flow_5", "Task_Notify", "Gateway_Join")
    D.flow("Flow_6", "Task_Queue", "Gateway_Join")
    D.flow("Flow_7", "Gateway_Join", "Task_Close")
    D.flow("Flow_8", "Task_Close", "EndEvent_1")
    answers = {
        "": {"process": "ticket_triage", "steps": [
            {"complete": "Task_Report", "variables": {"summary": "Login page leaks session tokens in logs", "severity": "critical",
                                                      "customer_facing": True, "security": True}},
            {"complete": "Task_SecurityReview", "variables": {"cve": "CVE-2026-0001"}}]},
        "routine": {"process": "ticket_triage", "steps": [
            {"complete": "Task_Report", "variables": {"summary": "Typo in footer", "severity": "low",
                                                      "customer_facing": False, "security": False}}]},
    }
    return D, answers


def shopping_cart():
    D = Diagram("shopping-cart", "shopping_cart", "Shopping cart")
    D.add("start", "StartEvent_1", None, g(0, 0))
    D.add("script", "Task_Init", "Open cart", g(1, 0), script=d("""
        cart = {}
        prices = {'tea': 4.5, 'coffee': 7.25, 'mug': 12.0}
        """))
    D.add("xor", "Gateway_More", None, g(2, 0))
    D.add("user", "Task_AddItem", "Add item", g(3, 0), fields=[
        ("product", "Product", "enum", [("tea", "Tea"), ("coffee", "Coffee"), ("mug", "Mug")]),
        ("qty", "Quantity", "long", "1"), ("more", "Add another item", "boolean")])
    D.add("script", "Task_Update", "Update cart", g(4, 0), script=d("""
        cart[product] = cart.get(product, 0) + qty
        lines = [{'product': p, 'qty': q, 'price': prices[p] * q} for p, q in sorted(cart.items())]
        """))
    D.add("xor", "Gateway_Continue", "More items?", g(5, 0))
    D.add("script", "Task_Total", "Compute total", g(6, 0), script=d("""
        total = round(sum(line['price'] for line in lines), 2)
        item_count = sum(cart.values())
        """))
    D.add("xor", "Gateway_Discount", "Over 50?", g(7, 0))
    D.add("script", "Task_Discount", "Apply discount", g(8, 1), script=d("""
        discount = round(total * 0.1, 2)
        total = round(total - discount, 2)
        """))
    D.add("xor", "Gateway_Merge", None, g(9, 0))
    D.add("end", "EndEvent_1", "Checked out", g(10, 0))
    D.flow("Flow_1", "StartEvent_1", "Task_Init")
    D.flow("Flow_2", "Task_Init", "Gateway_More")
    D.flow("Flow_3", "Gateway_More", "Task_AddItem")
    D.flow("Flow_4", "Task_AddItem", "Task_Update")
    D.flow("Flow_5", "Task_Update", "Gateway_Continue")
    D.flow("Flow_Again", "Gateway_Continue", "Gateway_More", cond="more == True", name="yes", via=("above", 40))
    D.flow("Flow_Done", "Gateway_Continue", "Task_Total", name="no", default=True)
    D.flow("Flow_6", "Task_Total", "Gateway_Discount")
    D.flow("Flow_Big", "Gateway_Discount", "Task_Discount", cond="total > 50", name="yes")
    D.flow("Flow_Small", "Gateway_Discount", "Gateway_Merge", name="no", default=True)
    D.flow("Flow_7", "Task_Discount", "Gateway_Merge")
    D.flow("Flow_8", "Gateway_Merge", "EndEvent_1")
    answers = {
        "": {"process": "shopping_cart", "steps": [
            {"complete": "Task_AddItem", "variables": {"product": "coffee", "qty": 2, "more": True}},
            {"complete": "Task_AddItem", "variables": {"product": "mug", "qty": 3, "more": True}},
            {"complete": "Task_AddItem", "variables": {"product": "coffee", "qty": 1, "more": False}}]},
        "small": {"process": "shopping_cart", "steps": [
            {"complete": "Task_AddItem", "variables": {"product": "tea", "qty": 2, "more": False}}]},
    }
    return D, answers

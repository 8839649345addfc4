from textwrap import dedent as d
from dsl import Diagram, g

def order_picking():
    D = Diagram("order-picking", "order_picking", "Order picking")
    D.add("start", "StartEvent_1", "Order received", g(0, 0))
    D.add("user", "Task_EnterOrder", "Enter order", g(1, 0), fields=[
        ("customer", "Customer", "string"), ("items_text", "Items (comma separated)", "string"),
        ("express", "Express delivery", "boolean")])
    D.add("script", "Task_ParseItems", "Parse items", g(2, 0), script=d("""
        items = [s.strip().lower() for s in items_text.split(',') if s.strip()]
        counts = {}
        for item in items:
            counts[item] = counts.get(item, 0) + 1
        distinct = sorted(counts)
        """))
    D.add("xor", "Gateway_Express", "Express?", g(3, 0))
    D.add("script", "Task_BookCourier", "Book courier", g(4, -1 + 1) if False else g(4, 0), script=d("""
        shipping = {'method': 'courier', 'days': 1, 'parcels': len(distinct)}
        """))
    D.add("script", "Task_StandardShipping", "Standard shipping", g(4, 1), script=d("""
        shipping = {'method': 'post', 'days': 3 + len(items) // 5, 'parcels': 1}
        """))
    D.add("xor", "Gateway_Merge", None, g(5, 0))
    D.add("script", "Task_PickList", "Write pick list", g(6, 0), script=d("""
        pick_list = ['%dx %s' % (counts[name], name) for name in distinct]
        label = '%s / %s' % (customer.upper(), shipping['method'])
        """))
    D.add("end", "EndEvent_Shipped", "Order shipped", g(7, 0))
    D.flow("Flow_1", "StartEvent_1", "Task_EnterOrder")
    D.flow("Flow_2", "Task_EnterOrder", "Task_ParseItems")
    D.flow("Flow_3", "Task_ParseItems", "Gateway_Express")
    D.flow("Flow_Express", "Gateway_Express", "Task_BookCourier", cond="express == True", name="yes")
    D.flow("Flow_Standard", "Gateway_Express", "Task_StandardShipping", name="no", default=True)
    D.flow("Flow_4", "Task_BookCourier", "Gateway_Merge")
    D.flow("Flow_5", "Task_StandardShipping", "Gateway_Merge")
    D.flow("Flow_6", "Gateway_Merge", "Task_PickList")
    D.flow("Flow_7", "Task_PickList", "EndEvent_Shipped")
    answers = {
        "": {"process": "order_picking", "steps": [{"complete": "Task_EnterOrder", "variables": {
            "customer": "Acme Ltd", "items_text": "Apple, pear, apple, ,plum", "express": True}}]},
        "standard": {"process": "order_picking", "steps": [{"complete": "Task_EnterOrder", "variables": {
            "customer": "Bob", "items_text": "nut,bolt,nut,washer,nut,bolt", "express": False}}]},
    }
    return D, answers


def expense_claim():
    D = Diagram("expense-claim", "expense_claim", "Expense claim")
    D.add("start", "StartEvent_1", "Claim started", g(0, 0))
    D.add("user", "Task_SubmitClaim", "Submit claim", g(1, 0), fields=[
        ("employee", "Employee", "string"), ("amount", "Amount (EUR)", "long"),
        ("category", "Category", "enum", [("travel", "Travel"), ("meals", "Meals"), ("equipment", "Equipment")])])
    D.add("script", "Task_CheckLimit", "Check limit", g(2, 0), script=d("""
        limits = {'travel': 1000, 'meals': 150, 'equipment': 2000}
        limit = limits[category]
        over_limit = amount > limit
        excess = max(0, amount - limit)
        """))
    D.add("xor", "Gateway_OverLimit", "Over the limit?", g(3, 0))
    D.add("user", "Task_ManagerReview", "Manager review", g(4, 1), fields=[
        ("approved", "Approve", "boolean"), ("comment", "Comment", "string")])
    D.add("xor", "Gateway_Approved", "Approved?", g(5, 1))
    D.add("xor", "Gateway_Pay", None, g(6, 0))
    D.add("script", "Task_Pay", "Pay out", g(7, 0), script=d("""
        payment = {'to': employee, 'amount': amount, 'reference': 'EXP-%s-%d' % (category[:3].upper(), amount)}
        status = 'paid'
        """))
    D.add("end", "EndEvent_Paid", "Claim paid", g(8, 0))
    D.add("script", "Task_Reject", "Record rejection", g(6, 2), script=d("""
        status = 'rejected'
        reasons = [r for r in (comment, 'over limit by %d' % excess) if r]
        """))
    D.add("end", "EndEvent_Rejected", "Claim rejected", g(7, 2))
    D.flow("Flow_1", "StartEvent_1", "Task_SubmitClaim")
    D.flow("Flow_2", "Task_SubmitClaim", "Task_CheckLimit")
    D.flow("Flow_3", "Task_CheckLimit", "Gateway_OverLimit")
    D.flow("Flow_Within", "Gateway_OverLimit", "Gateway_Pay", name="within limit", default=True)
    D.flow("Flow_Over", "Gateway_OverLimit", "Task_ManagerReview", cond="over_limit", name="over limit")
    D.flow("Flow_4", "Task_ManagerReview", "Gateway_Approved")
    D.flow("Flow_Yes", "Gateway_Approved", "Gateway_Pay", cond="approved == True", name="yes")
    D.flow("Flow_No", "Gateway_Approved", "Task_Reject", cond="approved == False", name="no")
    D.flow("Flow_5", "Gateway_Pay", "Task_Pay")
    D.flow("Flow_6", "Task_Pay", "EndEvent_Paid")
    D.flow("Flow_7", "Task_Reject", "EndEvent_Rejected")
    answers = {
        "": {"process": "expense_claim", "steps": [{"complete": "Task_SubmitClaim", "variables": {
            "employee": "anna", "amount": 120, "category": "meals"}}]},
        "approved": {"process": "expense_claim", "steps": [
            {"complete": "Task_SubmitClaim", "variables": {"employee": "ben", "amount": 1400, "category": "travel"}},
            {"complete": "Task_ManagerReview", "variables": {"approved": True, "comment": "conference"}}]},
        "rejected": {"process": "expense_claim", "steps": [
            {"complete": "Task_SubmitClaim", "variables": {"employee": "cleo", "amount": 400, "category": "meals"}},
            {"complete": "Task_ManagerReview", "variables": {"approved": False, "comment": ""}}]},
    }
    return D, answers


def quiz_loop():
    D = Diagram("quiz-loop", "quiz_loop", "Capital quiz")
    D.add("start", "StartEvent_1", None, g(0, 0))
    D.add("script", "Task_Init", "Prepare quiz", g(1, 0), script=d("""
        attempts = 0
        history = []
        question = 'What is the capital of France?'
        """))
    D.add("xor", "Gateway_Again", None, g(2, 0))
    D.add("user", "Task_Answer", "Answer question", g(3, 0), fields=[("answer", "Your answer", "string")])
    D.add("script", "Task_Grade", "Grade answer", g(4, 0), script=d("""
        attempts += 1
        history.append({'try': attempts, 'answer': answer})
        correct = answer.strip().lower() == 'paris'
        remaining = 3 - attempts
        """))
    D.add("xor", "Gateway_Correct", "Correct?", g(5, 0))
    D.add("script", "Task_Congratulate", "Congratulate", g(6, 0), script=d("""
        message = 'Correct after %d attempt%s' % (attempts, '' if attempts == 1 else 's')
        score = max(0, 10 - 3 * (attempts - 1))
        """))
    D.add("end", "EndEvent_Won", "Solved", g(7, 0))
    D.add("script", "Task_Reveal", "Reveal answer", g(6, 2), script=d("""
        message = 'The answer was Paris; you tried ' + ', '.join(h['answer'] for h in history)
        score = 0
        """))
    D.add("end", "EndEvent_Lost", "Not solved", g(7, 2))
    D.flow("Flow_1", "StartEvent_1", "Task_Init")
    D.flow("Flow_2", "Task_Init", "Gateway_Again")
    D.flow("Flow_3", "Gateway_Again", "Task_Answer")
    D.flow("Flow_4", "Task_Answer", "Task_Grade")
    D.flow("Flow_5", "Task_Grade", "Gateway_Correct")
    D.flow("Flow_Correct", "Gateway_Correct", "Task_Congratulate", cond="correct", name="correct")
    D.flow("Flow_Retry", "Gateway_Correct", "Gateway_Again", cond="not correct and remaining > 0", name="try again",
           via=("above", 40))
    D.flow("Flow_GiveUp", "Gateway_Correct", "Task_Reveal", name="no tries left", default=True)
    D.flow("Flow_6", "Task_Congratulate", "EndEvent_Won")
    D.flow("Flow_7", "Task_Reveal", "EndEvent_Lost")
    answers = {
        "": {"process": "quiz_loop", "steps": [
            {"complete": "Task_Answer", "variables": {"answer": "Lyon"}},
            {"complete": "Task_Answer", "variables": {"answer": " paris "}}]},
        "three-wrong": {"process": "quiz_loop", "steps": [
            {"complete": "Task_Answer", "variables": {"answer": "Lyon"}},
            {"complete": "Task_Answer", "variables": {"answer": "Nice"}},
            {"complete": "Task_Answer", "variables": {"answer": "Lille"}}]},
    }
    return D, answers

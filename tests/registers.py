"""Two small SIPRI trade registers (by delivery year, by deal), as SIPRI exports them."""

PER_YEAR = """Transfers of major conventional arms from All countries to All countries.
Data generated: 3 Jan 2025 9:16:02 PM

SIPRI AT Database ID,Supplier,Recipient,Designation,Delivery year,TIV delivery values
1,Russia,China,Su-27,2000,100
2,Russia,China,Su-27,2001,50
3,Russia,India,T-90,2001,70
4,France,China,engine,2001,10
5,China,Russia,engine,2001,2
"""

PER_DEAL = """Data generated: 18 May 2026 2:29:20 PM
Recipient,Supplier,Year of order,Weapon designation,Year(s) of delivery,SIPRI TIV of delivered weapons
China,Soviet Union,1990,Su-27,1991,30
China,Russia,1992,Kilo,1998; 1999,40
China,Russia,2019,S-400,2001; 2002,100
Viet Nam,Russia,2020,Su-30 Gesström,2024,9
China,Russia,2021,engine,,
"""

"""What is due: the start page's deadlines and to-dos, composed from the features."""
